package org.ecgleadlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The last resort of {@link Cli}: an exception no job turned into an {@code EcgLabException} (a bug, or the JVM out of
 * memory) becomes one line naming the command, a short message and the file holding the full stack trace, so no
 * command ends in a stack trace on any input and the trace is still there for a bug report.
 */
final class LastResort {
    /** Exit code of an internal error: {@code EX_SOFTWARE} of sysexits.h, apart from a user error's 2. */
    static final int INTERNAL_ERROR = 70;
    /** Where traces go unless set: the system temp folder. */
    static final String TRACE_FOLDER_PROPERTY = "ecgleadlab.traceDir";

    private static final int MESSAGE_CHARS = 200;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    private LastResort() {
    }

    /** Writes the trace, prints the one line to {@code err} and returns {@link #INTERNAL_ERROR}. */
    static int report(String command, Throwable error, PrintWriter err) {
        err.println(line(command, error, writeTrace(command, error)));
        err.flush();
        return INTERNAL_ERROR;
    }

    /** {@code COMMAND: error: MESSAGE (internal error; full trace in FILE)}. */
    static String line(String command, Throwable error, String whereTrace) {
        return command + ": error: " + shortMessage(error) + " (internal error, exit " + INTERNAL_ERROR + "; "
                + whereTrace + ")";
    }

    /** The innermost cause's type and first message line, with a hint where the user can act (memory). */
    static String shortMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof OutOfMemoryError) {
            return "out of memory (" + firstLine(root.getMessage()) + "); give the JVM more heap (e.g. -Xmx8g in "
                    + "JAVA_TOOL_OPTIONS) or lower --batch-size";
        }
        String message = firstLine(root.getMessage());
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= MESSAGE_CHARS ? line : line.substring(0, MESSAGE_CHARS) + "...";
    }

    /** Writes the trace into the trace folder; says where, or why it could not. */
    static String writeTrace(String command, Throwable error) {
        try {
            StringWriter text = new StringWriter();
            text.append(command).append(" failed at ").append(LocalDateTime.now().toString()).append('\n');
            error.printStackTrace(new PrintWriter(text, true));
            Path folder = Path.of(System.getProperty(TRACE_FOLDER_PROPERTY, System.getProperty("java.io.tmpdir")));
            Files.createDirectories(folder);
            // a fresh file each time, not an atomic replace: two failures in one millisecond must both be kept
            Path file = Files.createTempFile(folder, "ecg-lead-lab-error-" + LocalDateTime.now().format(STAMP) + "-",
                    ".txt");
            Files.writeString(file, text.toString());
            return "full trace in " + file.toAbsolutePath();
        } catch (IOException | RuntimeException | Error e) { // last resort: even a second OutOfMemoryError is a line
            return "the trace could not be written: " + e;
        }
    }
}
