package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgleadlab.data.physionet.PtbXlFixture;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.report.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ecg-info, train (1 epoch, PTB-XL's official split) and predict on the PTB-XL-layout fixture of real records. */
class PtbXlCommandsTest {
    @TempDir
    static Path temp;
    static Path root;

    @BeforeAll
    static void writeFixture() {
        Progress.setQuiet(true);
        root = temp.resolve("ptb-xl");
        PtbXlFixture.write(root);
    }

    @Test
    void ecgInfoTrainAndPredict() throws IOException {
        String info = CliCapture.run(0, new EcgInfoCommand(), root.toString());
        assertTrue(info.contains("(PTB-XL)") && info.contains("exams             16"), info);
        assertTrue(info.contains("patients          15"), info);
        assertTrue(info.contains("split             PTB-XL strat_fold: folds 1-8 train, 9 validation, 10 test"), info);
        assertTrue(info.contains("problems            0"), info);

        Path run = temp.resolve("run");
        String trained = CliCapture.run(0, new TrainCommand(), "--data", root.toString(), "--epochs", "1",
                "--batch-size", "4", "--device", "cpu", "--output", run.toString());
        assertTrue(trained.contains("best epoch 1 of 1"), trained);
        String split = Files.readString(run.resolve("split.csv"));
        assertTrue(split.contains("6008,validation") && split.contains("6000,train"), split);
        assertTrue(!split.contains("6009,"), "fold 10 is never trained on: " + split);

        Path csv = temp.resolve("predict/predictions.csv");
        CliCapture.run(0, new PredictCommand(), "-c", run.toString(), root.resolve("records100").toString(),
                "--output", csv.toString(), "--device", "cpu");
        assertEquals(16, PredictionsFile.read(csv).size());
    }
}
