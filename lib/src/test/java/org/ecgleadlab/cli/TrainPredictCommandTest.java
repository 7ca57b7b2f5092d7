package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.model.Npz;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jbang train} and {@code jbang predict} end to end on a tiny synthetic folder, and on the reference fixture. */
class TrainPredictCommandTest {
    @TempDir
    static Path temp;
    static Path data;
    static Path run;

    @BeforeAll
    static void trainOneEpoch() {
        data = GeneratedData.tiny(temp, 16, 1, 1).code15();
        run = temp.resolve("run");
        String printed = run(0, new TrainCommand(), "--data", data.toString(), "--epochs", "1", "--batch-size", "8",
                "--device", "cpu", "--output", run.toString());
        assertTrue(printed.contains("best epoch 1 of 1"), printed);
    }

    private static String run(int expectedExit, Object command, String... args) {
        return CliCapture.run(expectedExit, command, args);
    }

    @Test
    void predictWritesOneRowPerExamOfTheFolderWithProbabilitiesAndLabels() {
        Path csv = temp.resolve("predictions.csv");
        run(0, new PredictCommand(), "-c", run.toString(), data.toString(), "--output", csv.toString(),
                "--device", "cpu");
        Predictions predictions = PredictionsFile.read(csv);
        assertEquals(CodeDataset.open(data).exams().size(), predictions.size());
        assertTrue(Files.isRegularFile(temp.resolve("provenance.json")));
    }

    @Test
    void predictOnTheReferenceTensorPrintsThePyTorchLogits() {
        Path fixtures = ProjectPaths.root().getParent().resolve("shared/fixtures");
        Assumptions.assumeTrue(Files.isDirectory(fixtures), "shared fixtures not present");
        Path io = fixtures.resolve("lga12_seed7_io.npz");
        String printed = run(0, new PredictCommand(), "-c", fixtures.resolve("lga12_seed7_weights.npz").toString(),
                "--npz-input", io.toString(), "--device", "cpu");
        List<String> lines = printed.lines().filter(l -> l.matches("^[-0-9.,E]+$") || l.startsWith("1dAVb")).toList();
        assertEquals("1dAVb,RBBB,LBBB,SB,AF,ST", lines.get(0));
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> expected = Npz.read(io, manager);
            float[] logits = expected.get("logits").toFloatArray();
            assertEquals(4, lines.size());
            for (int row = 0; row < 3; row++) {
                String[] values = lines.get(row + 1).split(",");
                for (int c = 0; c < 6; c++) {
                    assertEquals(logits[row * 6 + c], Float.parseFloat(values[c]), 1e-4, "row " + row + " class " + c);
                }
            }
        }
    }

    @Test
    void badRequestsAreOneLineErrors() {
        String mode = run(Cli.USER_ERROR, new TrainCommand(), "--data", data.toString(), "--input", "sideways",
                "--output", temp.resolve("never").toString());
        assertTrue(mode.contains("masked or reduced"), mode);
        String channels = run(Cli.USER_ERROR, new PredictCommand(), "-c", run.toString(), data.toString(),
                "--leads", "V1", "--input", "reduced", "--device", "cpu");
        assertTrue(channels.contains("1 channels but the model takes 12"), channels);
        String noInput = run(Cli.USER_ERROR, new PredictCommand(), "-c", run.toString(), "--npz-input",
                run.resolve("checkpoints/epoch-001/model.npz").toString(), "--device", "cpu");
        assertTrue(noInput.contains("no array 'input'"), noInput);
        String noWeights = run(Cli.USER_ERROR, new PredictCommand(), "-c", temp.toString(), data.toString());
        assertTrue(noWeights.contains("no weights found"), noWeights);
    }
}
