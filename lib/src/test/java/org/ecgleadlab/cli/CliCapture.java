package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a command through {@link Cli#run} as a user would, capturing stdout and stderr together. */
public final class CliCapture {
    private CliCapture() {
    }

    /** Runs {@code command}, checks its exit code and returns everything it printed. */
    public static String run(int expectedExit, Object command, String... args) {
        return capture(true, expectedExit, command, args);
    }

    /**
     * The same, returning standard output only: for output compared line by line, which log lines of other threads
     * (on standard error) must not enter.
     */
    public static String runStandardOutput(int expectedExit, Object command, String... args) {
        return capture(false, expectedExit, command, args);
    }

    private static String capture(boolean withErrors, int expectedExit, Object command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        if (withErrors) {
            System.setErr(capture);
        }
        try {
            assertEquals(expectedExit, Cli.run(command, args), () -> captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Checks that {@code printed} contains every one of {@code parts}; a failure shows the whole output. */
    public static void assertPrinted(String printed, String... parts) {
        for (String part : parts) {
            assertTrue(printed.contains(part), printed);
        }
    }
}
