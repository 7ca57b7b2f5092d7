package org.ecgleadlab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * PyTorch's {@code nn.Dropout(p)}: in training every element is zeroed with probability p, independently, and the kept
 * ones are scaled by 1/(1 − p); in evaluation the identity. On the CPU the mask is drawn differently from libtorch's
 * dropout, which draws a double-precision Bernoulli variate per element on one thread (libtorch 2.7 disables its
 * parallel MKL path) and so took a tenth of a training step's CPU time. Here only the dropped positions are drawn: the gaps
 * between them are geometric with success probability p, {@code floor(E / −log(1 − p)) + 1} for an exponential
 * variate E, so a tenth as many draws at p = 0.1. The exponentials come from Java's ziggurat (a table look-up for
 * almost every draw; inverting a uniform by {@code log} cost three times as much per mask), written as zeros straight
 * into the mask's memory. The zeros are exactly i.i.d. Bernoulli(p), and the generator's seed is drawn from libtorch's
 * seeded generator, so a seed still fixes every mask ({@link LgaEcgModel#TORCH_GENERATOR}). On other devices libtorch's
 * own (fused) dropout runs.
 */
final class SampledDropout extends AbstractBlock {
    private final double rate;
    /** What libtorch's dropout multiplies kept elements by: {@code 1f / (float) (1 − p)}. */
    private final float scale;
    /** {@code −1 / log(1 − p)}: an exponential variate times this, rounded down, is a geometric gap less one. */
    private final double gapPerExponential;

    SampledDropout(double rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must lie strictly between 0 and 1, not " + rate);
        }
        this.rate = rate;
        this.scale = 1f / (float) (1 - rate);
        this.gapPerExponential = -1 / Math.log1p(-rate);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (!training) {
            return inputs;
        }
        NDArray x = inputs.singletonOrThrow();
        if (x.getDevice().getDeviceType() != Device.Type.CPU) {
            return Dropout.dropout(x, (float) rate, true);
        }
        return new NDList(x.mul(mask(x.getManager(), x.getShape())));
    }

    /** A CPU mask of {@code shape}: 0 at the dropped elements, {@link #scale} elsewhere; owned by {@code manager}. */
    NDArray mask(NDManager manager, Shape shape) {
        NDArray mask = manager.full(shape, scale, DataType.FLOAT32, Device.cpu());
        // full() is contiguous in CPU memory, so this buffer is that memory itself, not a copy
        FloatBuffer values = mask.toByteBuffer(true).asFloatBuffer();
        RandomGenerator gaps = new SplittableRandom(seedFromLibtorch(manager));
        int size = Math.toIntExact(shape.size());
        for (long position = nextGap(gaps) - 1; position < size; position += nextGap(gaps)) {
            values.put((int) position, 0f);
        }
        return mask;
    }

    private long nextGap(RandomGenerator gaps) {
        return (long) (gaps.nextExponential() * gapPerExponential) + 1;
    }

    /** One draw from libtorch's global generator, so that seeding it fixes the mask. */
    private static long seedFromLibtorch(NDManager manager) {
        try (NDArray seed = manager.randomInteger(0, Long.MAX_VALUE, new Shape(1), DataType.INT64)) {
            return seed.getLong();
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
