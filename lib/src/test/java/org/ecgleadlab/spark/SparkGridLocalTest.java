package org.ecgleadlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.cli.AdaptCommand;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.train.TrainingAttempts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adapt} on {@code local[2]}, every run of its grid a Spark task (the 12-lead baseline and two trained
 * reduced-channel runs), prints the tables of the single-JVM command with the same seeds and leaves the same run
 * store: byte-identical predictions and weights; run again, it reuses every run.
 */
class SparkGridLocalTest {
    @TempDir
    Path folder;

    @Test
    void theGridOnSparkGivesTheSingleJvmTablesAndWeights() throws Exception {
        Progress.setQuiet(true);
        SyntheticDataset data = GeneratedData.tiny(folder, 40, 16, 8);
        Path single = folder.resolve("runs-single");
        Path distributed = folder.resolve("runs-spark");
        List<String> common = List.of("--data", data.code15().toString(), "--test-pool",
                data.codeTest() + "," + data.audit(), "--leads", "V1,I", "--subsets", "II+V2",
                "--strategy", "reduced-channels", "--epochs", "1", "--max-train-exams", "0", "--device", "cpu");

        // Spark tasks run libtorch with one thread (spark.task.cpus = 1): the twin does too
        SparkGridEquivalence.Printed inOneJvm = SparkGridEquivalence.run(new AdaptCommand(),
                with(common, "--threads", "1", "--store", single.toString()));
        assertEquals(0, inOneJvm.code(), inOneJvm.stderr());
        try (SparkRunner spark = new SparkRunner(new SparkOptions("local[2]", Map.of("spark.ui.enabled", "false"),
                null), "test")) {
            SparkGridEquivalence.Printed onSpark = SparkGridEquivalence.run(new AdaptCommand(new SparkGridRunner(spark)),
                    with(common, "--store", distributed.toString()));
            assertEquals(0, onSpark.code(), onSpark.stderr());
            assertEquals(inOneJvm.tables(), onSpark.tables(), "the printed tables");
            SparkGridEquivalence.assertSameRuns(single, distributed);

            SparkGridEquivalence.Printed again = SparkGridEquivalence.run(
                    new AdaptCommand(new SparkGridRunner(spark)), with(common, "--store", distributed.toString()));
            assertEquals(inOneJvm.tables(), again.tables(), "finished runs reused, the same tables");
        }
        for (Path run : trainedRuns(distributed)) {
            assertEquals(1, TrainingAttempts.read(run).size(), "trained once, never resumed: " + run);
        }
    }

    static List<Path> trainedRuns(Path store) throws java.io.IOException {
        try (var folders = java.nio.file.Files.list(store)) {
            List<Path> runs = folders.map(f -> f.resolve("training"))
                    .filter(java.nio.file.Files::isDirectory).sorted().toList();
            assertTrue(!runs.isEmpty(), "trained runs in " + store);
            return runs;
        }
    }

    static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }
}
