package org.ecgleadlab.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.model.Losses;
import org.ecgleadlab.model.NoGrad;
import org.ecgleadlab.train.AdamW;
import org.ecgleadlab.train.TrainConfig;
import org.ecgleadlab.train.TrainingRun;

/**
 * Throughput of the LGA-ECG model on this machine: inference, a training step exactly as {@link TrainingRun} takes it
 * and the bare step it is held against, an input-gradient step (what Integrated Gradients runs), each timed over several
 * runs of a few batches on random input, plus the matmul peak of libtorch through DJL. Every batch lives in its own sub-manager, so memory stays flat.
 *
 * @param model     the model measured, with random exams of its lead count
 * @param batchSize exams per batch
 * @param afterStep called after every timed or warm-up batch (a progress bar's step)
 */
public record ModelBenchmark(LgaEcgModel model, int batchSize, Runnable afterStep) {
    /** Forward cost of one 12 × 2560 sample; a training step is about 3×, an input gradient about 2×. */
    public static final double FORWARD_GFLOP_PER_SAMPLE = 0.41;

    /** One timed unit of work on a fresh batch manager. */
    @FunctionalInterface
    private interface Step {
        void run(NDManager batch);
    }

    /** Eval-mode forward passes without gradient recording: samples/s. */
    public Series inference(int warmup, int runs, int steps) {
        return time(warmup, runs, steps, batchSize, batch -> {
            try (NoGrad noGrad = NoGrad.enter()) {
                model.forward(input(batch), false).get(0).toFloatArray();
            }
        });
    }

    /**
     * {@link TrainingRun#trainStep}s with {@link TrainingRun#optimizer} at the default learning rate and weight decay:
     * the batch copied from the host to the device, forward with dropout and batch statistics, the run's BCE, backward
     * and the AdamW update. Only reading the batch from disk is left out (the {@code hdf5} figure measures it):
     * samples/s. The model's weights change.
     */
    public Series training(int warmup, int runs, int steps) {
        Batch batch = randomBatch(new SplittableRandom(1));
        try (AdamW optimizer = TrainingRun.optimizer(model, TrainConfig.DEFAULT_WEIGHT_DECAY)) {
            return TimedRuns.run(warmup, runs, steps, batchSize,
                    () -> TrainingRun.trainStep(model, optimizer, batch, TrainConfig.DEFAULT_LR_MAX), afterStep);
        }
    }

    /**
     * The least a DJL training step of this model can be, the yardstick of {@link #training}: the same batch, resident
     * on the device, a training forward without dropout ({@link LgaEcgModel#withoutDropout}: BatchNorm normalises with
     * batch statistics, as every training step of this model must), the run's BCE, backward and an in-place SGD update
     * at the default learning rate, gradients zeroed: samples/s. No loss is read back. Runs on a copy of the model.
     */
    public Series bareTraining(int warmup, int runs, int steps) {
        try (LgaEcgModel bare = model.withoutDropout()) {
            return bareTrainingOn(bare, warmup, runs, steps);
        }
    }

    /** {@link #bareTraining} on {@code bare}, a model without dropout, whose weights it changes. */
    Series bareTrainingOn(LgaEcgModel bare, int warmup, int runs, int steps) {
        Batch batch = randomBatch(new SplittableRandom(1));
        float lr = (float) TrainConfig.DEFAULT_LR_MAX;
        Map<String, Parameter> parameters = bare.namedParameters();
        try (NDManager resident = bare.manager().newSubManager()) {
            NDArray x = resident.create(batch.inputs(), new Shape(batchSize, batch.channels(), CodeFormat.MODEL_SAMPLES));
            NDArray y = resident.create(batch.labels(), new Shape(batchSize, Condition.COUNT));
            return onSubManagers(resident, warmup, runs, steps, batchSize, scope -> {
                x.tempAttach(scope); // results attach to their first operand's manager: the step's, not the resident one
                y.tempAttach(scope);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(Losses.meanBceWithLogits(bare.forward(x, true).head(), y));
                }
                try (NoGrad noGrad = NoGrad.enter()) {
                    for (Map.Entry<String, NDArray> e : bare.gradients(scope).entrySet()) {
                        parameters.get(e.getKey()).getArray().subi(e.getValue().muli(lr));
                    }
                }
                bare.zeroGradients();
            }, afterStep);
        }
    }

    /** {@link LgaEcgModel#inputGradient} of the summed logits, as integrated gradients runs it: samples/s. */
    public Series inputGradient(int warmup, int runs, int steps) {
        return time(warmup, runs, steps, batchSize,
                batch -> model.inputGradient(input(batch), out -> out.get(0).sum()).toFloatArray());
    }

    /** Square float32 matmul of size n on the model's device: GFLOP/s. */
    public Series matmul(int n, int warmup, int runs, int steps) {
        double gflop = 2.0 * n * n * n / 1e9;
        try (NDManager owner = model.manager().newSubManager()) {
            NDArray a = owner.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = owner.randomUniform(-1, 1, new Shape(n, n));
            return onSubManagers(owner, warmup, runs, steps, gflop, batch -> {
                NDArray product = a.matMul(b);
                product.attach(batch);
                product.getFloat(0, 0); // waits for the device
            }, afterStep);
        }
    }

    private NDArray input(NDManager batch) {
        return batch.randomNormal(new Shape(batchSize, model.inChannels(), CodeFormat.MODEL_SAMPLES))
                .toDevice(model.device(), false);
    }

    /** A host batch as {@code Batches} delivers it: normal inputs of the model's channels, labels of 0 and 1. */
    private Batch randomBatch(SplittableRandom random) {
        float[] inputs = new float[batchSize * model.inChannels() * CodeFormat.MODEL_SAMPLES];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextGaussian();
        }
        float[] labels = new float[batchSize * Condition.COUNT];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextBoolean() ? 1 : 0;
        }
        return new Batch(inputs, model.inChannels(), labels, new long[batchSize], batchSize);
    }

    private Series time(int warmup, int runs, int steps, double itemsPerStep, Step step) {
        try (NDManager root = NDManager.newBaseManager()) {
            return onSubManagers(root, warmup, runs, steps, itemsPerStep, step, afterStep);
        }
    }

    /** Times {@code step} on a fresh sub-manager of {@code parent} per batch. */
    private static Series onSubManagers(NDManager parent, int warmup, int runs, int steps, double itemsPerStep,
            Step step, Runnable afterStep) {
        return TimedRuns.run(warmup, runs, steps, itemsPerStep, () -> {
            try (NDManager batch = parent.newSubManager()) {
                step.run(batch);
            }
        }, afterStep);
    }
}
