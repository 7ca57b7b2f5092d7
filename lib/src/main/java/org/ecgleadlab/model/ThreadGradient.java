package org.ecgleadlab.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Backward through a graph recorded on the calling thread only: what DJL's {@code GradientCollector} does (grad mode
 * on, forward, backward from ones, grad mode restored), without its JVM-wide "one collector at a time" flag. libtorch
 * keeps grad mode per thread and runs independent graphs' backward passes concurrently, so the input gradients of two
 * models on two threads (two tasks of a Spark executor) no longer take turns. The numbers are the collector's: the
 * same graph, the same seed of ones.
 */
final class ThreadGradient {
    private ThreadGradient() {
    }

    /** Records {@code target}'s graph with grad mode on for this thread and back-propagates from ones. */
    static void backward(Supplier<NDArray> target) {
        Engine.getEngine("PyTorch"); // JniUtils needs libtorch loaded
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            NDArray objective = target.get();
            try (NDArray ones = objective.onesLike()) {
                JniUtils.backward((PtNDArray) objective, (PtNDArray) ones, false, false);
            }
        } finally {
            JniUtils.setGradMode(previous);
        }
    }
}
