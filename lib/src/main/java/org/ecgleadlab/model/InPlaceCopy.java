package org.ecgleadlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Writes values into an array's own libtorch memory. DJL's {@code NDArray.set(Buffer)} (and {@code set(float[])})
 * does not copy: it points the tensor at a Java direct buffer ({@code torchSet}), which only the {@code NDArray}
 * object keeps alive. A weight set that way lives in memory Java frees on its own schedule once that object lets go
 * of it, and anything libtorch still holds of the tensor reads whatever the garbage collector and malloc put there
 * next: training then changes its last bits with GC timing (a resumed run on a Spark executor ended with other
 * weights than an uninterrupted one, now and then). Here the values go through a temporary array and libtorch's own
 * copy ({@code set(NDIndex("..."), array)} = {@code tensor[...] = source}), so the target keeps its storage.
 */
public final class InPlaceCopy {
    private static final NDIndex ALL = new NDIndex("...");

    private InPlaceCopy() {
    }

    /** Copies {@code source} (same shape; converted to the target's type and device) into {@code target}. */
    public static void into(NDArray target, NDArray source) {
        try (NoGrad noGrad = NoGrad.enter()) {
            if (source.getDataType() == target.getDataType()) {
                target.set(ALL, source);
            } else {
                try (NDArray converted = source.toType(target.getDataType(), true)) {
                    target.set(ALL, converted);
                }
            }
        }
    }

    /** Copies {@code values} (as many as the target holds, C order) into the float32 {@code target}. */
    public static void into(NDArray target, float[] values) {
        try (NDManager scratch = NDManager.newBaseManager(target.getDevice())) {
            into(target, scratch.create(values, target.getShape()));
        }
    }

    /** Sets the int64 scalar {@code target} to {@code value}. */
    public static void into(NDArray target, long value) {
        try (NDManager scratch = NDManager.newBaseManager(target.getDevice())) {
            into(target, scratch.create(value).reshape(new Shape()));
        }
    }
}
