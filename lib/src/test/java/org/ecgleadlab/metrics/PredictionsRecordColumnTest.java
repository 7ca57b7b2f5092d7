package org.ecgleadlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code record} column: written where asked, read back, and files without it still read. */
class PredictionsRecordColumnTest {
    @TempDir
    Path dir;

    private static Predictions two() {
        float[] p = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
        float[] y = {1, 0, 0, 0, 0, 0};
        return new Predictions(new long[] {289000000001L, 42}, new float[][] {p, p}, new float[][] {y, y});
    }

    @Test
    void theRecordColumnFollowsTheExamIdAndReadsBack() throws IOException {
        Path file = PredictionsFile.write(dir.resolve("p.csv"), two(), Map.of(289000000001L, "g1/JS00001"));
        var lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("exam_id,record,prob_1dAVb"), lines.get(0));
        assertTrue(lines.get(1).startsWith("289000000001,g1/JS00001,0.1,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("42,,0.1,"), "CODE exams: empty record: " + lines.get(2));
        assertArrayEquals(two().examIds(), PredictionsFile.read(file).examIds());
        assertEquals(Map.of(289000000001L, "g1/JS00001", 42L, ""), PredictionsFile.readRecordNames(file));
    }

    @Test
    void anOlderFileWithoutTheColumnStillReads() {
        Path file = PredictionsFile.write(dir.resolve("old.csv"), two());
        assertEquals(2, PredictionsFile.read(file).size());
        assertEquals(Map.of(), PredictionsFile.readRecordNames(file));
    }
}
