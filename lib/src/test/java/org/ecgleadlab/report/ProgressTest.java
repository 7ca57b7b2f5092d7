package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void barPrintsTaskCountAndUnitToStderr() {
        String out = runBar(false);
        assertTrue(out.contains("rank leads"), out);
        assertTrue(out.contains("40/40 exams"), out);
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
