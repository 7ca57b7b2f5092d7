package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** No command ends in a stack trace: whatever escapes a job is one line, and its trace is kept in a file. */
class CliLastResortTest {
    @TempDir
    Path traces;

    @BeforeEach
    void traceIntoTempDir() {
        System.setProperty(LastResort.TRACE_FOLDER_PROPERTY, traces.toString());
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(LastResort.TRACE_FOLDER_PROPERTY);
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Supplier<Throwable> failure;

        Boom(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            Throwable thrown = failure.get();
            if (thrown instanceof Error error) {
                throw error;
            }
            throw (Exception) thrown;
        }
    }

    private List<String> errorLines(String printed) {
        return printed.lines().filter(line -> line.startsWith("boom: error:")).toList();
    }

    private Path onlyTrace() throws IOException {
        try (var files = Files.list(traces)) {
            List<Path> written = files.toList();
            assertEquals(1, written.size(), written::toString);
            return written.get(0);
        }
    }

    @Test
    void aBugIsOneLineNamingTheTraceFileAndExitsSeventy() throws IOException {
        String printed = CliCapture.run(Cli.INTERNAL_ERROR, new Boom(() -> new IllegalStateException(
                "index 12 out of bounds\nsecond line")));
        assertFalse(printed.contains("\tat "), printed);
        assertFalse(printed.contains("second line"), printed);
        List<String> lines = errorLines(printed);
        assertEquals(1, lines.size(), printed);
        Path trace = onlyTrace();
        assertTrue(lines.get(0).startsWith("boom: error: IllegalStateException: index 12 out of bounds"), printed);
        assertTrue(lines.get(0).endsWith("full trace in " + trace.toAbsolutePath() + ")"), printed);
        String kept = Files.readString(trace);
        assertTrue(kept.contains("IllegalStateException") && kept.contains("\tat "), kept);
        assertTrue(trace.getFileName().toString().startsWith("ecg-lead-lab-error-"), trace.toString());
    }

    @Test
    void outOfMemoryIsOneLineWithTheFix() throws IOException {
        String printed = CliCapture.run(Cli.INTERNAL_ERROR, new Boom(() -> new OutOfMemoryError("Java heap space")));
        assertFalse(printed.contains("\tat "), printed);
        List<String> lines = errorLines(printed);
        assertEquals(1, lines.size(), printed);
        assertTrue(lines.get(0).contains("out of memory (Java heap space)") && lines.get(0).contains("-Xmx"),
                printed);
        assertTrue(Files.readString(onlyTrace()).contains("OutOfMemoryError"));
    }

    @Test
    void theInnermostCauseIsNamed() {
        String printed = CliCapture.run(Cli.INTERNAL_ERROR, new Boom(() -> new RuntimeException("wrapper",
                new ArithmeticException("/ by zero"))));
        assertTrue(errorLines(printed).get(0).startsWith("boom: error: ArithmeticException: / by zero"), printed);
        assertFalse(printed.contains("\tat "), printed);
    }

    @Test
    void aTraceThatCannotBeWrittenIsStillOneLine() throws IOException {
        Path notAFolder = Files.writeString(traces.resolve("a-file"), "x");
        System.setProperty(LastResort.TRACE_FOLDER_PROPERTY, notAFolder.toString());
        String printed = CliCapture.run(Cli.INTERNAL_ERROR, new Boom(() -> new NullPointerException()));
        List<String> lines = errorLines(printed);
        assertEquals(1, lines.size(), printed);
        assertTrue(lines.get(0).startsWith("boom: error: NullPointerException (internal error, exit 70; the trace "
                + "could not be written"), printed);
        assertFalse(printed.contains("\tat "), printed);
    }

    @Test
    void aUserErrorStaysOneLineWithExitTwoAndNoTraceFile() throws IOException {
        String printed = CliCapture.run(Cli.USER_ERROR, new Boom(() -> new EcgLabException(
                "x.hea: line 1: bad record; fix it")));
        assertEquals(List.of("boom: error: x.hea: line 1: bad record; fix it"), errorLines(printed));
        try (var files = Files.list(traces)) {
            assertEquals(0, files.count());
        }
    }
}
