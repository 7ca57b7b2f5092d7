package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.train.TrainingRun;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --cross-validate} end to end on the 17 shipped real records (2 folds, 1 epoch each): every record
 * is scored once by a model that never trained on it, the recipe's options reach the fold runs, and the options that
 * belong to it are refused without it.
 */
class CrossValidateCommandTest {
    @TempDir
    static Path temp;
    static Path output;
    static String printed;

    @BeforeAll
    static void crossValidateOnTheShippedRealRecords() {
        output = temp.resolve("cv");
        printed = CliCapture.run(0, new EvaluateCommand(), "--cross-validate", "2", "--fine-tune-epochs", "1",
                "--fine-tune-lr", "2e-4", "--balanced", "--gain-augment", "1.5", "--bootstrap", "50", "--device", "cpu", "-o", output.toString(),
                ProjectPaths.realEcg().toString());
    }

    @Test
    void everyRecordIsScoredOnceByAModelThatNeverSawIt() throws IOException {
        Map<Long, Integer> fold = new HashMap<>();
        List<String> lines = Files.readAllLines(output.resolve("folds.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            fold.put(Long.parseLong(cells[0]), Integer.parseInt(cells[3]));
        }
        assertEquals(17, fold.size());
        Predictions tuned = PredictionsFile.read(output.resolve("predictions-fine-tuned.csv"));
        Set<Long> scored = new HashSet<>();
        for (long id : tuned.examIds()) {
            assertTrue(scored.add(id), "exam " + id + " scored twice");
        }
        assertEquals(fold.keySet(), scored);
        assertEquals(17, PredictionsFile.read(output.resolve("predictions-start.csv")).size());
        for (int k = 1; k <= 2; k++) {
            List<String> split = Files.readAllLines(output.resolve("fold-" + k).resolve("split.csv"));
            for (String line : split.subList(1, split.size())) {
                long id = Long.parseLong(line.split(",")[0]);
                assertTrue(fold.get(id) != k, "fold " + k + " trained on its held-out exam " + id);
            }
        }
    }

    @Test
    void theRecipeReachesTheFoldRunsAndTheReportNamesIt() throws IOException {
        Provenance run = Provenance.read(output.resolve("fold-1").resolve(TrainingRun.PROVENANCE_FILE));
        assertEquals("1", run.configuration().get("epochs"));
        assertEquals("16", run.configuration().get("batchSize"), "the fine-tuning batch unless --batch-size is given");
        assertEquals("2.0E-4", run.configuration().get("lrMax"));
        assertEquals("true", run.configuration().get("balanced"));
        assertEquals("1.5", run.configuration().get("gainAugment"));
        assertTrue(run.checkpoint().endsWith("lga12-synthetic"), run.checkpoint());
        assertEquals(8, Files.readAllLines(output.resolve("auc.csv")).size(), "header, six classes, macro");
        String report = Files.readString(output.resolve("report.md"));
        assertTrue(report.contains("--cross-validate 2") && report.contains("17 records"), report);
        assertTrue(printed.contains("| macro | 17 |"), printed);
    }

    @Test
    void fineTuningOptionsWithoutCrossValidateAreRefusedInOneLine() {
        String error = CliCapture.run(2, new EvaluateCommand(), "--balanced", ProjectPaths.realEcg().toString());
        assertTrue(error.contains("--cross-validate"), error);
        assertFalse(error.strip().contains("\n"), error);
        String threshold = CliCapture.run(2, new EvaluateCommand(), "--cross-validate", "2", "--threshold", "0.3",
                ProjectPaths.realEcg().toString());
        assertTrue(threshold.contains("--threshold"), threshold);
    }
}
