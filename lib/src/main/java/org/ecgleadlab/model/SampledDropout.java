package org.ecgleadlab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * PyTorch's {@code nn.Dropout(p)}: in training every element is zeroed with probability p, independently, and the kept
 * ones are scaled by 1/(1 − p); in evaluation the identity. On the CPU the mask is drawn differently from libtorch's
 * dropout, which draws a double-precision Bernoulli variate per element on one thread (libtorch 2.7 disables its
 * parallel MKL path) and so took a tenth of a training step's CPU time. Here only the dropped positions are drawn: the gaps
 * between them are geometric with success probability p, one uniform variate each by inversion, so a tenth as many
 * draws at p = 0.1; their running sums are the positions, zeroed in a mask that holds 1/(1 − p) elsewhere. The zeros
 * are exactly i.i.d. Bernoulli(p), and every draw comes from libtorch's seeded generator, so a seed still fixes every
 * mask ({@link LgaEcgModel#TORCH_GENERATOR}). On other devices libtorch's own (fused) dropout runs.
 */
final class SampledDropout extends AbstractBlock {
    /** Expected gaps plus this many standard deviations are drawn at once; a second draw is needed about once in 10⁹. */
    static final double SPARE_DEVIATIONS = 6;

    private final double rate;
    /** What libtorch's dropout multiplies kept elements by: {@code 1f / (float) (1 − p)}. */
    private final float scale;
    /** {@code log(1 − p)}, the denominator of the geometric inversion. */
    private final double logKeep;
    private final double spareDeviations;

    SampledDropout(double rate) {
        this(rate, SPARE_DEVIATIONS);
    }

    /** With another margin of uniform variates drawn at once (a negative one makes a test draw a second chunk). */
    SampledDropout(double rate, double spareDeviations) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must lie strictly between 0 and 1, not " + rate);
        }
        this.rate = rate;
        this.scale = 1f / (float) (1 - rate);
        this.logKeep = Math.log1p(-rate);
        this.spareDeviations = spareDeviations;
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

    /** A mask of {@code shape}: 0 at the dropped elements, {@link #scale} elsewhere; owned by {@code manager}. */
    NDArray mask(NDManager manager, Shape shape) {
        NDArray mask = manager.full(shape, scale);
        long[] dropped = droppedPositions(manager, shape.size());
        if (dropped.length > 0) {
            try (NDArray flat = mask.reshape(-1); NDArray indices = manager.create(dropped)) {
                flat.set(new NDIndex("{}", indices), 0f); // a view: writes through to the mask
            }
        }
        return mask;
    }

    /**
     * The ascending flat positions of the dropped elements among {@code size}. The uniform variates come from libtorch
     * in chunks of a fixed length (the expected need plus {@value #SPARE_DEVIATIONS} standard deviations), so how many
     * are drawn depends on the seed alone; the arithmetic runs here, on one thread, instead of a dozen small native
     * operations that each wait for every intra-op thread.
     */
    long[] droppedPositions(NDManager manager, long size) {
        double expected = size * rate;
        int chunk = Math.toIntExact(Math.max(0, (long) Math.ceil(expected + spareDeviations * Math.sqrt(expected * (1 - rate)))) + 16);
        long[] positions = new long[chunk];
        int found = 0;
        long position = -1;
        while (true) {
            double[] uniform;
            try (NDArray draws = manager.randomUniform(0, 1, new Shape(chunk), DataType.FLOAT64)) {
                uniform = draws.toDoubleArray();
            }
            for (double u : uniform) {
                position += (long) Math.floor(Math.log(1 - u) / logKeep) + 1; // 1 − u is exact; a gap of 1 exactly when u < p
                if (position >= size) {
                    return Arrays.copyOf(positions, found);
                }
                if (found == positions.length) {
                    positions = Arrays.copyOf(positions, positions.length + chunk);
                }
                positions[found++] = position;
            }
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
