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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.ecgleadlab.cli.PredictCommand;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.report.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on 127.0.0.1 (a master and two workers, each its own JVM, executors started by the
 * workers) runs {@code predict} and gives the single-JVM rows; closing the cluster ends every process.
 */
class SparkClusterTest {
    @TempDir
    Path folder;

    @Test
    void aLoopbackClusterPredictsWhatOneJvmPredicts() throws Exception {
        Progress.setQuiet(true);
        SyntheticDataset data = GeneratedData.tiny(folder, 24, 4, 4);
        Path single = folder.resolve("single.csv");
        Path distributed = folder.resolve("cluster.csv");
        List<String> common = args(data.code15().toString(), "--device", "cpu", "--batch-size", "4");
        run(new PredictCommand(), Map.of(), with(common, "-o", single.toString())).assertOk();

        // the executors load lib from spark.jars, as from the application jar on a real cluster (tests run before
        // Maven's package phase, so the jar is made here from lib's compiled classes)
        Path jar = jarOf(Path.of(SparkJobs.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                folder.resolve("lib.jar"));
        List<ProcessHandle> started;
        try (LoopbackCluster cluster = LoopbackCluster.start(
                new LoopbackCluster.Config(2, 1, "1g", 0, 0, folder.resolve("cluster")))) {
            started = cluster.workers().stream().map(Process::toHandle).toList();
            try (SparkRunner spark = new SparkRunner(new SparkOptions(cluster.masterUrl(), Map.of(
                    "spark.jars", jar.toString(), "spark.executor.memory", "768m", "spark.ui.enabled", "false"),
                    8), "test")) {
                run(new PredictCommand(new SparkScorer(spark)), Map.of(), with(common, "-o", distributed.toString()))
                        .assertOk();
            }
        }
        assertSamePredictions(single, distributed);
        assertEquals(24, Files.readAllLines(distributed).size() - 1);
        assertTrue(started.stream().noneMatch(ProcessHandle::isAlive), "workers stopped");
        try (Stream<Path> logs = Files.list(folder.resolve("cluster"))) {
            assertFalse(logs.filter(p -> p.toString().endsWith(".log")).toList().isEmpty());
        }
    }

    private static Path jarOf(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new java.util.ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }
}
