package org.ecgleadlab.spark;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.ecgleadlab.util.EcgLabException;

/**
 * What a task sends back: its result, or the one-line error of input the user must fix (a truncated part, a bad
 * record). A user error is a result, not a failed task, so Spark does not retry it on other executors and the
 * driver can show the very line the single-JVM command prints.
 */
record TaskOutcome<T extends Serializable>(T value, String userError) implements Serializable {
    static <T extends Serializable> TaskOutcome<T> of(Callable<T> work) throws Exception {
        try {
            return new TaskOutcome<>(work.call(), null);
        } catch (EcgLabException | UncheckedIOException e) {
            return new TaskOutcome<>(null, e.getMessage());
        }
    }
}
