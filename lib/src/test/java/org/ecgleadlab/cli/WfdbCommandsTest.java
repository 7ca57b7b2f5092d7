package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.physionet.ExamIds;
import org.ecgleadlab.data.physionet.WfdbFiles;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.report.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ecg-info, train (1 epoch) and predict on a folder of WFDB records; unlabelled data refused where labels matter. */
class WfdbCommandsTest {
    @TempDir
    static Path temp;
    static Path data;
    static Path unlabelled;
    static Path run;

    private static final String[] DX = {"RBBB", "AF", "I-AVB", "LBBB", "426177001", "427084000", "Normal"};

    @BeforeAll
    static void writeFoldersAndTrainOneEpoch() {
        Progress.setQuiet(true);
        data = temp.resolve("challenge");
        for (int i = 1; i <= 12; i++) {
            WfdbFiles.write12(data.resolve(i <= 6 ? "cpsc" : "ningbo"), String.format("A%04d", i), i,
                    "Dx: " + DX[i % DX.length]);
        }
        WfdbFiles.write(data.resolve("ningbo"), "A0099", 500, 1000, List.of("I", "II"), List.of("Dx: AF"), 99);
        unlabelled = temp.resolve("code15-wfdb");
        for (int i = 1; i <= 3; i++) {
            WfdbFiles.write(unlabelled, String.valueOf(1000 + i), 400, 2934, WfdbFiles.TWELVE,
                    List.of("Exam ID: " + (1000 + i), "Patient ID: " + i, "Chagas label: False"), i);
        }
        run = temp.resolve("run");
        String printed = CliCapture.run(0, new TrainCommand(), "--data", data.toString(), "--epochs", "1",
                "--batch-size", "4", "--device", "cpu", "--output", run.toString());
        assertTrue(printed.contains("best epoch 1 of 1"), printed);
    }

    @Test
    void ecgInfoSummarisesTheFolder() {
        String out = CliCapture.run(0, new EcgInfoCommand(), data.toString());
        assertTrue(out.contains("(WFDB records)"), out);
        assertTrue(out.contains("exams             12"), out);
        assertTrue(out.contains("header files      13"), out);
        assertTrue(out.contains("without 12 leads  1 (skipped: A0099 (missing V1, V2"), out);
        assertTrue(out.contains("other codes       1 distinct, none of the six (top: Normal 1)"), out);
        assertTrue(out.matches("(?s).*RBBB .*\\s2\\s+16\\.7%.*"), out);
        assertTrue(out.contains("problems            0"), out);
    }

    @Test
    void ecgInfoDumpsARecordByNameOrId() {
        String byName = CliCapture.run(0, new EcgInfoCommand(), "--dump", "A0003", data.toString());
        String byId = CliCapture.run(0, new EcgInfoCommand(), "--dump",
                String.valueOf(ExamIds.ofRecordName("A0003")), data.toString());
        assertEquals(byName, byId);
        assertEquals(CodeFormat.SAMPLES + 1, byName.strip().lines().count());
    }

    @Test
    void predictWritesOneRowPerRecord() {
        Path csv = temp.resolve("predict/predictions.csv");
        CliCapture.run(0, new PredictCommand(), "-c", run.toString(), data.toString(), "--output", csv.toString(),
                "--device", "cpu");
        Predictions predictions = PredictionsFile.read(csv);
        assertEquals(12, predictions.size());
        assertEquals(1_000_000_001L, predictions.examIds()[0]);
        assertEquals("cpsc/A0001", PredictionsFile.readRecordNames(csv).get(1_000_000_001L));
        String unlabelledRun = CliCapture.run(0, new PredictCommand(), "-c", run.toString(), unlabelled.toString(),
                "--output", temp.resolve("predict-unlabelled/p.csv").toString(), "--device", "cpu");
        assertTrue(unlabelledRun.contains("no labels"), unlabelledRun);
    }

    @Test
    void unlabelledDataWorksWithEcgInfoButIsRefusedByTrainingAndRanking() {
        String info = CliCapture.run(0, new EcgInfoCommand(), "--no-scan", unlabelled.toString());
        assertTrue(info.contains("labels              none"), info);
        String train = CliCapture.run(Cli.USER_ERROR, new TrainCommand(), "--data", unlabelled.toString(),
                "--epochs", "1", "--device", "cpu", "--output", temp.resolve("never").toString());
        assertEquals(1, train.strip().lines().count(), train);
        assertTrue(train.startsWith("train: error: ") && train.contains("carry no labels")
                && train.contains("training needs labels"), train);
        String rank = CliCapture.run(Cli.USER_ERROR, new RankLeadsCommand(), "--data", unlabelled.toString(),
                "--device", "cpu");
        assertTrue(rank.contains("carry no labels") && rank.contains("rank-leads"), rank);
    }
}
