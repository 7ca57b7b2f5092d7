package org.ecgleadlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsFileTest {
    @Test
    void roundTripKeepsEveryBit(@TempDir Path dir) throws Exception {
        Predictions original = MetricsFixtures.simulated(50, 0.3, 0.8, 4);
        original.probabilities()[0][2] = 1.2345678e-7f;
        original.probabilities()[1][3] = 0.33333334f;
        Path file = PredictionsFile.write(dir.resolve("predictions.csv"), original);
        Predictions read = PredictionsFile.read(file);
        assertArrayEquals(original.examIds(), read.examIds());
        for (int i = 0; i < original.size(); i++) {
            assertArrayEquals(original.probabilities()[i], read.probabilities()[i]);
            assertArrayEquals(original.labels()[i], read.labels()[i]);
        }
        assertEquals(MultiLabelMetrics.of(original).asMap(), MultiLabelMetrics.of(read).asMap());
    }

    @Test
    void fileIsPlainCsvWithNamedColumns(@TempDir Path dir) throws Exception {
        Path file = PredictionsFile.write(dir.resolve("p.csv"), MetricsFixtures.handComputed());
        List<String> lines = Files.readAllLines(file);
        assertEquals("exam_id,prob_1dAVb,prob_RBBB,prob_LBBB,prob_SB,prob_AF,prob_ST,"
                + "label_1dAVb,label_RBBB,label_LBBB,label_SB,label_AF,label_ST", lines.get(0));
        assertEquals("101,0.9,0.8,0.1,0.2,0.1,0.0,1,1,0,0,0,0", lines.get(1));
        assertEquals(9, lines.size());
    }

    @Test
    void badFilesAreUserErrorsNamingFileAndField(@TempDir Path dir) throws Exception {
        Path noColumn = dir.resolve("no-column.csv");
        Files.writeString(noColumn, "exam_id,prob_1dAVb\n1,0.5\n");
        EcgLabException e = assertThrows(EcgLabException.class, () -> PredictionsFile.read(noColumn));
        assertTrue(e.getMessage().contains("no-column.csv") && e.getMessage().contains("prob_RBBB"), e.getMessage());

        Path badNumber = dir.resolve("bad-number.csv");
        Files.writeString(badNumber, String.join(",", PredictionsFile.header()) + "\n"
                + "7,0.1,0.2,x,0.4,0.5,0.6,0,0,0,0,0,0\n");
        e = assertThrows(EcgLabException.class, () -> PredictionsFile.read(badNumber));
        assertTrue(e.getMessage().contains("exam 7") && e.getMessage().contains("prob_LBBB"), e.getMessage());

        Path outOfRange = dir.resolve("range.csv");
        Files.writeString(outOfRange, String.join(",", PredictionsFile.header()) + "\n"
                + "8,0.1,0.2,3.5,0.4,0.5,0.6,0,0,0,0,0,0\n");
        e = assertThrows(EcgLabException.class, () -> PredictionsFile.read(outOfRange));
        assertTrue(e.getMessage().contains("range.csv") && e.getMessage().contains("exam 8"), e.getMessage());

        e = assertThrows(EcgLabException.class, () -> PredictionsFile.read(dir.resolve("absent.csv")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
