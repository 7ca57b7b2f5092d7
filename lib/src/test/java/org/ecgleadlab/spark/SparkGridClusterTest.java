package org.ecgleadlab.spark;

import static org.ecgleadlab.spark.SparkGridLocalTest.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.ecgleadlab.adapt.AdaptationRun;
import org.ecgleadlab.cli.AdaptCommand;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.train.TrainingAttempts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adapt} on a real standalone cluster on 127.0.0.1 (a master and two 1-core workers, each its own JVM): once
 * the trained run has written an epoch checkpoint into the shared run store, the worker whose executor trains it is
 * killed with SIGKILL (with that executor). The job still finishes; Spark re-ran the task on the other executor, which
 * resumed from the checkpoint (its training folder's {@link TrainingAttempts} log says "resumed after epoch N", written
 * by another process); the weights of every kept epoch are bit-identical to the single-JVM run of the same spec.
 */
class SparkGridClusterTest {
    private static final int EPOCHS = 3;

    @TempDir
    Path folder;

    @Test
    void aRunWhoseWorkerIsKilledResumesFromItsCheckpointOnTheOther() throws Exception {
        Progress.setQuiet(true);
        SyntheticDataset data = GeneratedData.tiny(folder, 40, 16, 8);
        Path single = folder.resolve("runs-single");
        Path distributed = folder.resolve("runs-cluster");
        List<String> common = List.of("--data", data.code15().toString(), "--test-pool",
                data.codeTest() + "," + data.audit(), "--leads", "V1,I", "--strategy", "reduced-channels",
                "--epochs", String.valueOf(EPOCHS), "--max-train-exams", "0", "--device", "cpu");
        SparkGridEquivalence.Printed inOneJvm = SparkGridEquivalence.run(new AdaptCommand(),
                with(common, "--threads", "1", "--store", single.toString()));
        assertEquals(0, inOneJvm.code(), inOneJvm.stderr());

        Path jar = SparkClusterTest.jarOf(
                Path.of(SparkJobs.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                folder.resolve("lib.jar"));
        try (LoopbackCluster cluster = LoopbackCluster.start(
                new LoopbackCluster.Config(2, 1, "1g", 0, 0, folder.resolve("cluster")));
             SparkRunner spark = new SparkRunner(new SparkOptions(cluster.masterUrl(), Map.of(
                     "spark.jars", jar.toString(), "spark.executor.memory", "768m", "spark.ui.enabled", "false"),
                     null), "test")) {
            // its own thread, not the common pool (one thread on 2 cores, which other work may hold)
            ExecutorService killer = Executors.newSingleThreadExecutor();
            AtomicBoolean jobEnded = new AtomicBoolean();
            Future<Integer> killedAfter = killer.submit(
                    () -> killTheWorkerTrainingOnceCheckpointed(distributed, cluster, jobEnded));
            SparkGridEquivalence.Printed onCluster;
            try {
                onCluster = SparkGridEquivalence.run(new AdaptCommand(new SparkGridRunner(spark)),
                        with(common, "--store", distributed.toString()));
            } finally {
                jobEnded.set(true);
                killer.shutdown();
            }
            assertEquals(0, onCluster.code(), onCluster.stderr());
            int epoch = killedAfter.get(10, TimeUnit.SECONDS);
            assertTrue(epoch >= 1 && epoch < EPOCHS, "killed after epoch " + epoch + " of " + EPOCHS);
            assertEquals(inOneJvm.tables(), onCluster.tables(), "the printed tables");

            Path training = SparkGridLocalTest.trainedRuns(distributed).get(0);
            List<String> attempts = TrainingAttempts.read(training);
            assertEquals(2, attempts.size(), "a start and one resume: " + attempts);
            List<Integer> resumed = TrainingAttempts.resumedAfter(training);
            assertEquals(1, resumed.size(), String.join("\n", attempts));
            assertTrue(resumed.get(0) >= epoch, "resumed from the checkpoint there at the kill: " + attempts);
            assertNotEquals(pid(attempts.get(0)), pid(attempts.get(1)), "resumed by another executor");
        }
        SparkGridEquivalence.assertSameRuns(single, distributed);
    }

    /**
     * Waits for the trained run's first epoch checkpoint in the store, then kills (SIGKILL) the worker whose executor
     * wrote it, with every process it started; returns the epoch the run had completed.
     */
    private static int killTheWorkerTrainingOnceCheckpointed(Path store, LoopbackCluster cluster,
                                                             AtomicBoolean jobEnded) {
        // no fixed deadline: on a loaded machine the executors may take minutes to start; the job's end stops it
        while (!jobEnded.get()) {
            Optional<Path> training = trainingFolder(store);
            if (training.isPresent() && Files.isRegularFile(training.get().resolve("checkpoints/latest.json"))) {
                long pid = TrainingAttempts.latestProcess(training.get());
                for (Process worker : cluster.workers()) {
                    ProcessHandle handle = worker.toHandle();
                    if (handle.descendants().anyMatch(p -> p.pid() == pid)) {
                        int epoch = completedEpochs(training.get());
                        List<ProcessHandle> executors = handle.descendants().toList();
                        handle.destroyForcibly(); // the worker first: it cannot start a new executor for the app
                        executors.forEach(ProcessHandle::destroyForcibly);
                        return epoch;
                    }
                }
                throw new AssertionError("no worker runs the executor " + pid + " that trains " + training.get());
            }
            sleep();
        }
        throw new AssertionError("the job ended before an epoch checkpoint appeared in " + store);
    }

    private static Optional<Path> trainingFolder(Path store) {
        if (!Files.isDirectory(store)) {
            return Optional.empty();
        }
        try (Stream<Path> runs = Files.list(store)) {
            return runs.map(run -> run.resolve(AdaptationRun.TRAINING_FOLDER)).filter(Files::isDirectory).findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty(); // a folder appearing while listed: look again
        }
    }

    private static int completedEpochs(Path training) {
        try (Stream<Path> folders = Files.list(training.resolve("checkpoints"))) {
            return folders.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("epoch-"))
                    .mapToInt(n -> Integer.parseInt(n.substring("epoch-".length()))).max().orElse(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String pid(String attempt) {
        return attempt.substring(attempt.lastIndexOf(" by ") + 4);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
