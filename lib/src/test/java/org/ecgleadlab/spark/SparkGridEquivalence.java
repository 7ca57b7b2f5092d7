package org.ecgleadlab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.ecgleadlab.adapt.AdaptationRun;
import org.ecgleadlab.adapt.RunStore;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.model.Npz;
import org.ecgleadlab.train.Checkpoint;

/** Helpers of the grid tests: a command's printed tables, and two run stores holding the same runs byte for byte. */
final class SparkGridEquivalence {
    private SparkGridEquivalence() {
    }

    /** What a command printed on stdout and its exit code. */
    record Printed(int code, String stdout, String stderr) {
        /** The printed lines without those naming a run folder (the stores differ). */
        List<String> tables() {
            return stdout.lines().filter(line -> !line.startsWith("run folder")).toList();
        }
    }

    /** Runs {@code command} as Cli does, keeping stdout and stderr. */
    static Printed run(Object command, List<String> args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int code = Cli.run(command, Map.of(), args.toArray(String[]::new));
            return new Printed(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * The same run folders in both stores, each finished, with byte-identical predictions (evaluation half and
     * validation split) and byte-identical weights in every kept epoch checkpoint.
     */
    static void assertSameRuns(Path expected, Path actual) throws IOException {
        List<String> runs = runFolders(expected);
        assertFalse(runs.isEmpty(), "runs in " + expected);
        assertEquals(runs, runFolders(actual), "the same run folders (keys)");
        for (String run : runs) {
            assertEquals(true, Files.isRegularFile(actual.resolve(run).resolve(RunStore.RUN_FILE)), run + " finished");
            // weights first: a failure then says whether training or only scoring differs
            List<String> weights = epochWeights(expected.resolve(run));
            assertEquals(weights, epochWeights(actual.resolve(run)), run + ": the same epoch checkpoints");
            for (String file : weights) {
                assertSameWeights(expected.resolve(run).resolve(file), actual.resolve(run).resolve(file));
            }
            for (String file : List.of(RunStore.PREDICTIONS_FILE, AdaptationRun.VALIDATION_PREDICTIONS_FILE)) {
                assertArrayEquals(Files.readAllBytes(expected.resolve(run).resolve(file)),
                        Files.readAllBytes(actual.resolve(run).resolve(file)), run + "/" + file);
            }
        }
    }

    /** Every array of two {@code .npz} files bit-identical (the files' bytes differ: zip entries carry times). */
    static void assertSameWeights(Path expected, Path actual) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> left = Npz.read(expected, manager);
            Map<String, NDArray> right = Npz.read(actual, manager);
            assertEquals(left.keySet(), right.keySet(), actual + ": the same arrays");
            for (String key : left.keySet()) {
                assertArrayEquals(left.get(key).toByteArray(), right.get(key).toByteArray(),
                        actual + " " + key + " bit-identical");
            }
        }
    }

    /** The {@code training/checkpoints/epoch-NNN/model.npz} files of a run folder, relative to it, sorted. */
    static List<String> epochWeights(Path run) throws IOException {
        Path checkpoints = run.resolve(AdaptationRun.TRAINING_FOLDER).resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(checkpoints)) {
            return files.filter(f -> f.getFileName().toString().equals(Checkpoint.MODEL_FILE))
                    .filter(f -> f.getParent().getFileName().toString().startsWith("epoch-"))
                    .map(f -> run.relativize(f).toString()).sorted().toList();
        }
    }

    private static List<String> runFolders(Path store) throws IOException {
        try (Stream<Path> folders = Files.list(store)) {
            return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
