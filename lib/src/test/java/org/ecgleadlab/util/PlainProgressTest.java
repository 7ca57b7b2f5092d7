package org.ecgleadlab.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which progress frames become plain lines off a terminal, with a fake clock. */
class PlainProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aStartLineThenOneLinePerTenPercentAtMostEveryFewSeconds() {
        PlainProgress.Lines lines = new PlainProgress.Lines("rank leads", " exams", 0);
        assertEquals("rank leads: 200 exams to go", lines.at(0, 200, 0));
        assertNull(lines.at(10, 200, SECOND), "5 %: no line yet");
        assertNull(lines.at(30, 200, 2 * SECOND), "15 %, but only 2 s after the last line");
        assertEquals("rank leads: 15% (30/200 exams, 5.0 exams/s, ETA 34.0 s)", lines.at(30, 200, 6 * SECOND));
        assertNull(lines.at(38, 200, 12 * SECOND), "still in the same 10 % step");
        List<String> printed = new ArrayList<>();
        for (int second = 13; second <= 40; second++) { // 5 exams/s up to 100 %
            String line = lines.at(Math.min(200, 5L * second), 200, second * SECOND);
            if (line != null) {
                printed.add(line);
            }
        }
        assertEquals(List.of("rank leads: 32% (65/200 exams, 5.0 exams/s, ETA 27.0 s)",
                "rank leads: 45% (90/200 exams, 5.0 exams/s, ETA 22.0 s)",
                "rank leads: 57% (115/200 exams, 5.0 exams/s, ETA 17.0 s)",
                "rank leads: 70% (140/200 exams, 5.0 exams/s, ETA 12.0 s)",
                "rank leads: 82% (165/200 exams, 5.0 exams/s, ETA 7.0 s)",
                "rank leads: 95% (190/200 exams, 5.0 exams/s, ETA 2.0 s)"), printed, "one per 10 % step, 5 s apart");
        assertEquals("rank leads: done, 200 exams in 41.0 s", lines.finished(200, 41 * SECOND));
    }

    @Test
    void slowWorkStillPrintsAboutOnceAMinuteAndUnknownTotalsCount() {
        PlainProgress.Lines lines = new PlainProgress.Lines("epoch 1/3", "exams", 0);
        lines.at(0, 1000, 0);
        assertNull(lines.at(1, 1000, 59 * SECOND));
        assertEquals("epoch 1/3: 0% (1/1000 exams, 0.0 exams/s, ETA 16 h 39 min)", lines.at(1, 1000, 60 * SECOND));
        PlainProgress.Lines open = new PlainProgress.Lines("stream", "batches", 0);
        assertEquals("stream: started", open.at(0, -1, 0));
        assertEquals("stream: 120 batches, 2.0 batches/s, 1 min 00 s", open.at(120, -1, 60 * SECOND));
        assertEquals("stream: done, 130 batches in 1 min 05 s", open.finished(130, 65 * SECOND));
    }
}
