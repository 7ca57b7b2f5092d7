package org.ecgleadlab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.SubsetSearchCommand;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.explain.Rankings;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.subsets.LeadDropoutTraining;
import org.ecgleadlab.subsets.LeadSet;
import org.ecgleadlab.subsets.SubsetReport;
import org.ecgleadlab.subsets.SubsetSearchRunner;
import org.ecgleadlab.subsets.SubsetSummary;
import org.ecgleadlab.train.Checkpoint;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.train.TrainingAttempts;
import org.ecgleadlab.train.TrainingListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code subset-search} on {@code local[2]} (its subsets' masked inference spread over several tasks, its training one
 * task) gives what the single-JVM command gives on the same tiny synthetic test pool, the shipped lead-dropout
 * checkpoint and a ranking of its own (never the developer's {@code runs/rank-leads}): the same console tables,
 * {@code subsets.csv} and {@code summary.json}, every probability within 1e-6; a user error in a task is the
 * single-JVM line with exit 2.
 */
class SparkSubsetSearchTest {
    @TempDir
    static Path folder;
    static SyntheticDataset data;
    static SparkRunner spark;

    @BeforeAll
    static void tinyDataAndSession() {
        Progress.setQuiet(true);
        data = GeneratedData.tiny(folder, 40, 24, 12);
        spark = new SparkRunner(new SparkOptions("local[2]", Map.of("spark.ui.enabled", "false"), null), "test");
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void theSearchOnSparkGivesTheSingleJvmReport() throws IOException {
        Path checkpoint = DefaultCheckpoint.leadDropout().orElseThrow();
        List<String> common = List.of("--test-data", data.codeTest() + "," + data.audit(), "-c",
                checkpoint.toString(), "--ranking", ranking(folder.resolve("ranking.json")).toString(),
                "--max-size", "1", "--bootstrap", "50", "--batch-size", "4", "--device", "cpu");
        Path single = folder.resolve("search-single");
        Path distributed = folder.resolve("search-spark");
        // a Spark task runs libtorch with one thread (spark.task.cpus = 1): the twin does too
        SparkGridEquivalence.Printed one = SparkGridEquivalence.run(new SubsetSearchCommand(),
                SparkGridLocalTest.with(common, "--threads", "1", "-o", single.toString()));
        assertEquals(0, one.code(), one.stderr());
        SparkGridEquivalence.Printed many = SparkGridEquivalence.run(
                new SubsetSearchCommand(new SparkSubsetRunner(spark)),
                SparkGridLocalTest.with(common, "-o", distributed.toString()));
        assertEquals(0, many.code(), many.stderr());

        assertEquals(report(one.stdout()), report(many.stdout()), "the printed tables");
        assertTrue(many.stdout().contains("20 subsets run through the model"), many.stdout());
        assertEquals(Files.readString(single.resolve(SubsetReport.CSV_FILE)),
                Files.readString(distributed.resolve(SubsetReport.CSV_FILE)), SubsetReport.CSV_FILE);
        assertEquals(summaryWithoutTimings(single), summaryWithoutTimings(distributed), SubsetSummary.FILE_NAME);
        assertEquals(Provenance.read(single.resolve(SubsetReport.PROVENANCE_FILE)).fingerprint(),
                Provenance.read(distributed.resolve(SubsetReport.PROVENANCE_FILE)).fingerprint(), "provenance");

        Map<Integer, float[]> expected = savedPredictions(single);
        Map<Integer, float[]> actual = savedPredictions(distributed);
        assertEquals(20, expected.size(), "12 single leads, 5 more device sets, the ranking's Top-2, Top-3, Bottom-3");
        assertEquals(expected.keySet(), actual.keySet(), "the same subsets saved under the same key");
        expected.forEach((mask, p) -> assertArrayEquals(p, actual.get(mask), 1e-6f, "probabilities of set " + mask));

        SparkGridEquivalence.Printed again = SparkGridEquivalence.run(
                new SubsetSearchCommand(new SparkSubsetRunner(spark)),
                SparkGridLocalTest.with(common, "-o", distributed.toString()));
        assertTrue(again.stdout().contains("0 subsets run through the model"), "all reused: " + again.stdout());
        assertEquals(report(one.stdout()), report(again.stdout()), "reused subsets, the same tables");
    }

    @Test
    void aUserErrorInTheTrainingTaskIsTheSingleJvmLine() {
        Path missing = folder.resolve("no-such-training-folder");
        List<String> common = List.of("--data", missing.toString(), "--epochs", "1", "--test-data",
                data.codeTest() + "," + data.audit(), "--device", "cpu");
        Path single = folder.resolve("failed-single");
        Path distributed = folder.resolve("failed-spark");
        SparkJobsEquivalence.Run one = SparkJobsEquivalence.run(new SubsetSearchCommand(), Map.of(),
                SparkGridLocalTest.with(common, "-o", single.toString()));
        SparkJobsEquivalence.Run many = SparkJobsEquivalence.run(new SubsetSearchCommand(new SparkSubsetRunner(spark)),
                Map.of(), SparkGridLocalTest.with(common, "-o", distributed.toString()));
        assertEquals(Cli.USER_ERROR, one.code(), one.stderr());
        assertEquals(Cli.USER_ERROR, many.code(), many.stderr());
        String line = many.line("subset-search: error:");
        assertEquals(one.line("subset-search: error:"), line);
        assertTrue(line.contains(missing.toString()), line);
        assertFalse(many.stderr().contains("\tat "), "no stack trace: " + many.stderr());
        assertFalse(Files.exists(distributed), "no output folder");
    }

    @Test
    void theTrainingTaskGivesTheSingleJvmWeights() throws IOException {
        Path single = folder.resolve("train-single");
        Path distributed = folder.resolve("train-spark");
        LeadDropoutTraining training = LeadDropoutTraining.of(data.code15(), 1, 7, "cpu");
        Devices.setIntraOpThreads(1); // as a task of one core
        Path a = SubsetSearchRunner.IN_THIS_JVM.train(onFolder(training, single), TrainingListener.NONE);
        Path b = new SparkSubsetRunner(spark).train(onFolder(training, distributed), TrainingListener.NONE);
        assertTrue(b.startsWith(distributed), b.toString());
        assertEquals(single.relativize(a), distributed.relativize(b), "the same best checkpoint");
        SparkGridEquivalence.assertSameWeights(Checkpoint.open(a).modelFile(), Checkpoint.open(b).modelFile());
        assertEquals(1, TrainingAttempts.read(distributed).size(), "trained once");
        assertEquals(b, new SparkSubsetRunner(spark).train(onFolder(training, distributed), TrainingListener.NONE),
                "a finished run is found, not trained again");
        assertEquals(1, TrainingAttempts.read(distributed).size(), "not started again");
    }

    @Test
    void groupsAreCutInOrderAndExamsPerTaskIsRefused() {
        List<LeadSet> sets = LeadSet.upToSize(1);
        List<List<LeadSet>> tasks = SparkSubsetRunner.cut(List.of(sets.subList(0, 5), sets.subList(5, 7)), 2);
        assertEquals(List.of(sets.subList(0, 2), sets.subList(2, 4), sets.subList(4, 5), sets.subList(5, 7)), tasks);
        assertEquals(Cli.USER_ERROR, SparkJobs.run("subset-search", "--exams-per-task", "4")); // a task is subsets
    }

    /** A ranking whose Top-2, Top-3 and Bottom-3 are neither single leads nor device lead sets. */
    private static Path ranking(Path file) {
        List<String> order = List.of("V3", "V2", "V5", "V4", "II", "aVF", "aVR", "V6", "V1", "I", "III", "aVL");
        Map<String, Double> scores = new LinkedHashMap<>();
        order.forEach(lead -> scores.put(lead, 1.0 / (scores.size() + 1)));
        return Rankings.write(file, order, scores);
    }

    private static LeadDropoutTraining onFolder(LeadDropoutTraining training, Path output) {
        return new LeadDropoutTraining(training.data(), training.epochs(), training.seed(), training.device(),
                output.toString());
    }

    /** The printed report without the last line (output folder and seconds). */
    private static List<String> report(String stdout) {
        return stdout.lines().filter(line -> !line.startsWith("wrote ")).toList();
    }

    private static JsonObject summaryWithoutTimings(Path output) throws IOException {
        JsonObject summary = JsonParser.parseString(Files.readString(output.resolve(SubsetSummary.FILE_NAME)))
                .getAsJsonObject();
        summary.remove("secondsPerStage");
        summary.remove("provenance"); // its time of creation; compared by fingerprint
        return summary;
    }

    /** Every saved set's probabilities by lead mask, from the chunk files (format: subsets.PredictionCache). */
    private static Map<Integer, float[]> savedPredictions(Path output) throws IOException {
        Map<Integer, float[]> sets = new TreeMap<>();
        try (Stream<Path> files = Files.walk(output.resolve("predictions"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("chunk-")).toList()) {
                try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
                    in.readInt(); // magic
                    in.readInt(); // version
                    int exams = in.readInt();
                    for (int i = 0; i < exams; i++) {
                        in.readLong();
                    }
                    int count = in.readInt();
                    for (int s = 0; s < count; s++) {
                        int mask = in.readInt();
                        float[] p = new float[exams * Condition.COUNT];
                        for (int i = 0; i < p.length; i++) {
                            p[i] = in.readFloat();
                        }
                        sets.put(mask, p);
                    }
                }
            }
        }
        return sets;
    }
}
