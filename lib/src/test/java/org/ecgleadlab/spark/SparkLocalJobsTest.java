package org.ecgleadlab.spark;

import static org.ecgleadlab.spark.SparkJobsEquivalence.args;
import static org.ecgleadlab.spark.SparkJobsEquivalence.assertSamePredictions;
import static org.ecgleadlab.spark.SparkJobsEquivalence.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.EvaluateCommand;
import org.ecgleadlab.cli.PredictCommand;
import org.ecgleadlab.cli.RankLeadsCommand;
import org.ecgleadlab.data.physionet.WfdbFiles;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.evaluate.EvaluationReport;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.report.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark jobs on {@code local[2]} (one session for the class, real Spark, several tasks per job) give what their
 * single-JVM twins give on the same tiny synthetic dataset and the shipped checkpoint; bad input in a task is the
 * twin's one line.
 */
class SparkLocalJobsTest {
    @TempDir
    static Path folder;
    static SyntheticDataset data;
    static SparkRunner spark;

    @BeforeAll
    static void tinyDataAndSession() {
        Progress.setQuiet(true);
        data = GeneratedData.tiny(folder, 40, 24, 12);
        spark = new SparkRunner(new SparkOptions("local[2]", Map.of("spark.ui.enabled", "false"), 4), "test");
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void predictGivesTheSingleJvmRowsInOrder() {
        List<String> common = args(data.code15().toString(), "--device", "cpu", "--batch-size", "4");
        Path single = folder.resolve("predict-single.csv");
        Path distributed = folder.resolve("predict-spark.csv");
        run(new PredictCommand(), Map.of(), with(common, "-o", single.toString())).assertOk();
        run(new PredictCommand(new SparkScorer(spark)), Map.of(), with(common, "-o", distributed.toString()))
                .assertOk();
        assertSamePredictions(single, distributed);
    }

    @Test
    void evaluateWritesTheSingleJvmReport() throws IOException {
        List<String> common = args(data.codeTest().toString(), data.audit().toString(), "--device", "cpu",
                "--batch-size", "4", "--bootstrap", "20");
        Path single = folder.resolve("evaluate-single");
        Path distributed = folder.resolve("evaluate-spark");
        run(new EvaluateCommand(), Map.of(), with(common, "-o", single.toString())).assertOk();
        run(new EvaluateCommand(new SparkScorer(spark)), Map.of(), with(common, "-o", distributed.toString()))
                .assertOk();
        assertSamePredictions(single.resolve(EvaluationReport.PREDICTIONS),
                distributed.resolve(EvaluationReport.PREDICTIONS));
        for (String file : List.of(EvaluationReport.METRICS_CSV, EvaluationReport.CONFUSION_CSV)) {
            assertEquals(Files.readString(single.resolve(file)), Files.readString(distributed.resolve(file)), file);
        }
        // the curve's thresholds are the probabilities themselves: equal to 1e-6, the rest of each row exactly
        List<String> a = Files.readAllLines(single.resolve(EvaluationReport.ROC_CSV));
        List<String> b = Files.readAllLines(distributed.resolve(EvaluationReport.ROC_CSV));
        assertEquals(a.size(), b.size());
        for (int i = 1; i < a.size(); i++) {
            String[] x = a.get(i).split(",");
            String[] y = b.get(i).split(",");
            assertEquals(List.of(x[0], x[2], x[3]), List.of(y[0], y[2], y[3]), a.get(i));
            assertEquals(Double.parseDouble(x[1]), Double.parseDouble(y[1]), 1e-6, a.get(i));
        }
    }

    @Test
    void rankLeadsGivesTheSingleJvmRanking() {
        List<String> common = args("--data", data.codeTest() + "," + data.audit(), "--exams", "6",
                "--ig-steps", "4", "--bootstrap", "0", "--batch-size", "2", "--device", "cpu");
        Path single = folder.resolve("rank-single");
        Path distributed = folder.resolve("rank-spark");
        // a Spark task gets one libtorch thread per core it holds (1 here); the twin the same, so that the adaptive
        // quadrature of Integrated Gradients refines the same intervals (another thread count changes last bits)
        run(new RankLeadsCommand(), Map.of(), with(common, "--threads", "1", "-o", single.toString())).assertOk();
        run(new RankLeadsCommand(new SparkAnalyser(spark)), Map.of(), with(common, "-o", distributed.toString()))
                .assertOk();
        RankingFile a = RankingFile.read(single.resolve(RankingFile.FILE_NAME));
        RankingFile b = RankingFile.read(distributed.resolve(RankingFile.FILE_NAME));
        assertEquals(a.order(), b.order());
        assertEquals(a.exams(), b.exams());
        a.finalScores().forEach((lead, score) -> assertEquals(score, b.finalScores().get(lead),
                1e-5 * Math.abs(score), "final score of " + lead));
        a.rawScores().forEach((method, scores) -> scores.forEach((lead, score) -> assertEquals(score,
                b.rawScores().get(method).get(lead), 1e-5 * Math.abs(score) + 1e-12, method + " of " + lead)));
    }

    @Test
    void aBadRecordInATaskIsTheSingleJvmLineAndLeavesNoOutput() throws IOException {
        Path records = folder.resolve("wfdb");
        for (int i = 1; i <= 12; i++) {
            WfdbFiles.write12(records, String.format("A%04d", i), i, i % 2 == 0 ? "Dx: AF" : "Dx: Normal");
        }
        Path dat = records.resolve("A0009.dat");
        byte[] bytes = Files.readAllBytes(dat);
        bytes[1001] ^= 0x10; // a checksum mismatch, found only when the samples are read
        Files.write(dat, bytes);
        List<String> common = args(records.toString(), "--device", "cpu", "--batch-size", "2");
        Path single = folder.resolve("bad-single").resolve("predictions.csv");
        Path distributed = folder.resolve("bad-spark").resolve("predictions.csv");
        SparkJobsEquivalence.Run one = run(new PredictCommand(), Map.of(), with(common, "-o", single.toString()));
        SparkJobsEquivalence.Run many = run(new PredictCommand(new SparkScorer(spark)), Map.of(),
                with(common, "-o", distributed.toString()));
        assertEquals(Cli.USER_ERROR, one.code(), one.stderr());
        assertEquals(Cli.USER_ERROR, many.code(), many.stderr());
        String line = many.line("predict: error:");
        assertEquals(one.line("predict: error:"), line);
        assertTrue(line.contains("A0009"), line);
        assertFalse(many.stderr().contains("\tat "), "no stack trace: " + many.stderr());
        assertFalse(Files.exists(distributed.getParent()), "no output folder left behind");
    }

    @Test
    void aBadOrSilentMasterIsOneLine() {
        String[] common = {data.code15().toString(), "--device", "cpu", "-o",
                folder.resolve("never").resolve("p.csv").toString()};
        for (String master : List.of("bogus://x", "spark://127.0.0.1:1")) {
            SparkJobsEquivalence.Run failed = run(new PredictCommand(new SparkScorer(new SparkRunner(
                    new SparkOptions(master, Map.of("spark.jars", "unused.jar"), null), "test"))), Map.of(),
                    List.of(common));
            assertEquals(Cli.USER_ERROR, failed.code(), failed.stderr());
            assertTrue(failed.line("predict: error:").contains("--master " + master), failed.stderr());
        }
        assertFalse(Files.exists(folder.resolve("never")));
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new java.util.ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }
}
