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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.ecgleadlab.cli.PredictCommand;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.report.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on 127.0.0.1 (a master and two workers, each its own JVM, executors started by the
 * workers) runs {@code predict} and gives the single-JVM rows; it still does when one worker and its executor are
 * killed (SIGKILL) in the middle of the job, Spark re-running the lost work on the other; closing the cluster ends
 * every process.
 */
class SparkClusterTest {
    @TempDir
    Path folder;

    @Test
    void aLoopbackClusterPredictsWhatOneJvmPredicts() throws Exception {
        Progress.setQuiet(true);
        SyntheticDataset data = GeneratedData.tiny(folder, 48, 4, 4);
        Path single = folder.resolve("single.csv");
        Path distributed = folder.resolve("cluster.csv");
        Path afterKill = folder.resolve("cluster-after-kill.csv");
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
                    4), "test")) {
                run(new PredictCommand(new SparkScorer(spark)), Map.of(), with(common, "-o", distributed.toString()))
                        .assertOk();
                assertSamePredictions(single, distributed);

                // again, killing the second worker and its executor once two of the twelve tasks have ended
                WorkerKiller killer = new WorkerKiller(cluster.workers().get(1).toHandle(), 2);
                spark.context().sc().addSparkListener(killer);
                SparkJobsEquivalence.Run survived = run(new PredictCommand(new SparkScorer(spark)), Map.of(),
                        with(common, "-o", afterKill.toString()));
                assertEquals(0, survived.code(), survived.stderr()); // Spark warns of the lost executor, rightly
                assertTrue(killer.killed.get(), "a worker was killed during the job");
                assertTrue(killer.executorsRemoved.get() >= 1, "Spark saw the executor go");
            }
        }
        assertSamePredictions(single, afterKill);
        assertEquals(48, Files.readAllLines(distributed).size() - 1);
        assertTrue(started.stream().noneMatch(ProcessHandle::isAlive), "workers stopped");
        try (Stream<Path> logs = Files.list(folder.resolve("cluster"))) {
            assertFalse(logs.filter(p -> p.toString().endsWith(".log")).toList().isEmpty());
        }
    }

    /** Kills a worker and every process it started (its executor) with SIGKILL after {@code afterTasks} task ends. */
    private static final class WorkerKiller extends SparkListener {
        private final ProcessHandle worker;
        private final int afterTasks;
        private final AtomicInteger ended = new AtomicInteger();
        final AtomicBoolean killed = new AtomicBoolean();
        final AtomicInteger executorsRemoved = new AtomicInteger();

        WorkerKiller(ProcessHandle worker, int afterTasks) {
            this.worker = worker;
            this.afterTasks = afterTasks;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            if (ended.incrementAndGet() == afterTasks && killed.compareAndSet(false, true)) {
                worker.descendants().forEach(ProcessHandle::destroyForcibly);
                worker.destroyForcibly();
            }
        }

        @Override
        public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
            executorsRemoved.incrementAndGet();
        }
    }

    static Path jarOf(Path classes, Path jar) throws IOException {
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
