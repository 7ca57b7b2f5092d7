package org.ecgleadlab.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Switches libtorch's gradient recording off for the current thread until closed (like {@code torch.no_grad()}).
 * DJL turns it off only on the thread that loaded the engine; other threads record by default, which costs
 * time and memory in pure inference. Do not open inside a {@code GradientCollector} whose gradients you need.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;

    private NoGrad() {
        // JniUtils needs libtorch loaded, which happens with the engine: a job may enter before any model exists
        Engine.getEngine("PyTorch");
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    /** Starts a no-gradient region on this thread. */
    public static NoGrad enter() {
        return new NoGrad();
    }

    /** Restores the previous gradient mode of this thread. */
    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
