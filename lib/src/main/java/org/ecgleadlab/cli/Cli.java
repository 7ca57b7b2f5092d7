package org.ecgleadlab.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.ecgleadlab.util.EcgLabException;
import picocli.CommandLine;

/** Runs a picocli command the way every front end should: user errors as one line, exit codes kept. */
public final class Cli {
    /** Exit code for input the user must fix (bad file, bad option). */
    public static final int USER_ERROR = 2;

    private Cli() {
    }

    /** Parses {@code args}, runs {@code command} and returns the exit code (0 on success). */
    public static int run(Object command, String... args) {
        useOfflineDjl();
        quietLibraryLogs();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof EcgLabException || ex instanceof UncheckedIOException) {
                err.println(cmd.getCommandName() + ": error: " + ex.getMessage());
                err.flush();
                return USER_ERROR;
            }
            throw ex;
        });
        return commandLine.execute(args);
    }

    /** Runs {@code command} and exits the JVM with its code: the entry point of every JBang script. */
    public static void main(Object command, String... args) {
        System.exit(run(command, args));
    }

    /**
     * jhdf logs a line per attribute it half-understands and DJL logs its engine set-up; only their warnings
     * and errors help a user (jhdf's "alpha" warnings neither).
     */
    public static void quietLibraryLogs() {
        System.setProperty("org.slf4j.simpleLogger.log.io.jhdf",
                System.getProperty("org.slf4j.simpleLogger.log.io.jhdf", "error"));
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl",
                System.getProperty("org.slf4j.simpleLogger.log.ai.djl", "warn"));
    }

    /** DJL must never try to download libtorch: the native library ships as a Maven dependency. */
    public static void useOfflineDjl() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
