package org.ecgleadlab.util;

/**
 * A problem the user can fix (bad file, bad option). Its message is one line that names what is wrong
 * (file, exam, field) and how to fix it; the command-line front ends print it without a stack trace.
 */
public class EcgLabException extends RuntimeException {
    public EcgLabException(String message) {
        super(message);
    }

    public EcgLabException(String message, Throwable cause) {
        super(message, cause);
    }
}
