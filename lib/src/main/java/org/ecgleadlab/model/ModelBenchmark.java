package org.ecgleadlab.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Throughput of the LGA-ECG model on this machine: inference, a full training step and an input-gradient step
 * (what integrated gradients runs), each timed over several runs of a few batches on random input, plus the
 * matmul peak of libtorch through DJL. Every batch lives in its own sub-manager, so memory stays flat.
 */
public final class ModelBenchmark {
    /** Forward cost of one 12 × 2560 sample (the figure; a training step is about 3×). */
    public static final double FORWARD_GFLOP_PER_SAMPLE = 0.41;
    private static final float LEARNING_RATE = 1e-3f;
    private static final float WEIGHT_DECAY = 1e-2f;

    private final LgaEcgModel model;
    private final int batchSize;
    private final Runnable afterStep;

    /**
     * Benchmarks {@code model} with batches of {@code batchSize} random exams of its lead count.
     *
     * @param afterStep called after every timed or warm-up batch (a progress bar's step)
     */
    public ModelBenchmark(LgaEcgModel model, int batchSize, Runnable afterStep) {
        this.model = model;
        this.batchSize = batchSize;
        this.afterStep = afterStep;
    }

    /**
     * Rates (per second) of each run with the memory seen after it. {@code rates} are items/s (samples, or
     * GFLOP for matmul); heap (live, after a GC) and RSS in bytes, RSS -1 where {@code /proc} is missing.
     */
    public record Series(double[] rates, long[] heapBytes, long[] rssBytes, long peakHeapBytes, long peakRssBytes) {
        /** Median rate. */
        public double median() {
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        /** Slowest run. */
        public double min() {
            return Arrays.stream(rates).min().orElse(Double.NaN);
        }

        /** Fastest run. */
        public double max() {
            return Arrays.stream(rates).max().orElse(Double.NaN);
        }
    }

    /** One timed unit of work on a fresh batch manager. */
    @FunctionalInterface
    private interface Step {
        void run(NDManager batch);
    }

    /** Eval-mode forward passes without gradient recording: samples/s. */
    public Series inference(int warmup, int runs, int steps) {
        return time(warmup, runs, steps, batchSize, afterStep, batch -> {
            try (NoGrad noGrad = NoGrad.enter()) {
                model.forward(input(batch), false).get(0).toFloatArray();
            }
        });
    }

    /**
     * Training steps: forward with dropout and batch statistics, mean BCE, backward, then an SGD step with
     * decoupled weight decay and zeroed gradients (the optimizer is a small share of the step): samples/s.
     */
    public Series training(int warmup, int runs, int steps) {
        return time(warmup, runs, steps, batchSize, afterStep, batch -> {
            NDArray x = input(batch);
            NDArray labels = batch.randomUniform(0, 1, new Shape(batchSize, LgaEcg.CLASSES)).gt(0.5f)
                    .toType(DataType.FLOAT32, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(Losses.meanBceWithLogits(model.forward(x, true).get(0), labels));
            }
            Map<String, NDArray> gradients = model.gradients(batch);
            try (NoGrad noGrad = NoGrad.enter()) {
                model.namedParameters().forEach((name, parameter) -> {
                    NDArray weight = parameter.getArray();
                    weight.muli(1 - LEARNING_RATE * WEIGHT_DECAY).subi(gradients.get(name).mul(LEARNING_RATE));
                });
            }
            model.zeroGradients();
        });
    }

    /** {@link LgaEcgModel#inputGradient} of the summed logits, as integrated gradients runs it: samples/s. */
    public Series inputGradient(int warmup, int runs, int steps) {
        return time(warmup, runs, steps, batchSize, afterStep,
                batch -> model.inputGradient(input(batch), out -> out.get(0).sum()).toFloatArray());
    }

    /** Square float32 matmul of size n on {@code manager}'s device: GFLOP/s. */
    public static Series matmul(NDManager manager, int n, int warmup, int runs, int steps, Runnable afterStep) {
        double gflop = 2.0 * n * n * n / 1e9;
        try (NDManager owner = manager.newSubManager()) {
            NDArray a = owner.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = owner.randomUniform(-1, 1, new Shape(n, n));
            return time(warmup, runs, steps, gflop, afterStep, batch -> {
                NDArray product = a.matMul(b);
                product.attach(batch);
                product.getFloat(0, 0); // waits for the device
            });
        }
    }

    private NDArray input(NDManager batch) {
        return batch.randomNormal(new Shape(batchSize, model.inChannels(), LgaEcg.LENGTH)).toDevice(model.device(), false);
    }

    private static Series time(int warmup, int runs, int steps, double itemsPerStep, Runnable afterStep, Step step) {
        NDManager root = NDManager.newBaseManager();
        try (root) {
            for (int i = 0; i < warmup; i++) {
                try (NDManager batch = root.newSubManager()) {
                    step.run(batch);
                }
                afterStep.run();
            }
            double[] rates = new double[runs];
            long[] heap = new long[runs];
            long[] rss = new long[runs];
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    try (NDManager batch = root.newSubManager()) {
                        step.run(batch);
                    }
                    afterStep.run();
                }
                rates[r] = steps * itemsPerStep / ((System.nanoTime() - start) / 1e9);
                System.gc(); // outside the timing: live heap after the run shows whether anything accumulates
                Runtime runtime = Runtime.getRuntime();
                heap[r] = runtime.totalMemory() - runtime.freeMemory();
                rss[r] = procStatusBytes("VmRSS:");
            }
            return new Series(rates, heap, rss, peakHeapBytes(), procStatusBytes("VmHWM:"));
        }
    }

    /** Highest heap use the JVM has seen (sum of the heap pools' peaks). */
    public static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
    }

    /** A size line of {@code /proc/self/status} (VmRSS now, VmHWM peak) in bytes; -1 off Linux. */
    public static long procStatusBytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
