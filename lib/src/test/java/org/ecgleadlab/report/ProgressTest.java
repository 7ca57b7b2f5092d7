package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final PrintStream originalErr = System.err;

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        Progress.clearQuietOverride();
    }

    private String runBar(boolean quiet) {
        Progress.setQuiet(quiet);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ProgressBar bar = Progress.bar("rank leads", 40, "exams")) {
            bar.stepBy(40);
            assertEquals(40, bar.getCurrent());
        }
        System.setErr(originalErr);
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Tests run without a terminal: the plain-line path a log file, CI or a notebook cell sees. */
    @Test
    void offATerminalABarPrintsPlainLinesToStderr() {
        String out = runBar(false);
        assertFalse(Progress.onTerminal());
        assertFalse(out.contains("\r"), out);
        List<String> lines = out.lines().toList();
        assertEquals("rank leads: 40 exams to go", lines.get(0), out);
        assertTrue(lines.get(lines.size() - 1).matches("rank leads: done, 40 exams in \\d+\\.\\d s"), out);
        assertTrue(lines.size() <= 3, out);
    }

    @Test
    void aBarThatOutlivesItsFirstFramesStillPrintsOneStartAndOneFinalLine() throws InterruptedException {
        Progress.setQuiet(false);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ProgressBar bar = Progress.bar("scan tracings", 10, "exams")) {
            bar.stepBy(4);
            Thread.sleep(1300); // past the first frames, so the library closes the consumer itself
            bar.stepBy(6);
        }
        System.setErr(originalErr);
        String out = captured.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("\r"), out);
        List<String> lines = out.lines().toList();
        assertEquals("scan tracings: 10 exams to go", lines.get(0), out);
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(1).startsWith("scan tracings: done, 10 exams in 1."), out);
    }

    @Test
    void quietBarPrintsNothing() {
        assertEquals("", runBar(true));
    }

    @Test
    void wrapVisitsEveryItem() {
        Progress.setQuiet(true);
        List<Integer> seen = new ArrayList<>();
        for (int i : Progress.wrap(List.of(1, 2, 3), "items", 3, "items")) {
            seen.add(i);
        }
        assertEquals(List.of(1, 2, 3), seen);
    }
}
