package org.ecgleadlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A 0-d array whose memory libtorch allocates, for operands of operations a backward may revisit. DJL's
 * {@code x.mul(0.5)} wraps the number in a tensor over a direct {@code ByteBuffer} and closes it right after the
 * operation; libtorch's graph keeps that tensor for the backward (a product's gradient needs the other factor,
 * {@code maximum}'s needs both), and once the garbage collector frees the buffer the backward reads whatever the
 * memory then holds: gradients that change with GC timing, now and then NaN ({@code GradientAfterCollectionTest}).
 * A tensor from {@code full} owns its storage, so the graph keeps it alive as long as it needs it.
 */
final class NativeScalar {
    private NativeScalar() {
    }

    /** {@code value} as a 0-d array of {@code like}'s type, device and manager. */
    static NDArray like(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType(), like.getDevice());
    }
}
