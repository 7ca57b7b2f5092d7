package org.ecgleadlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The training loss of the paper: binary cross-entropy with logits, multi-label over the six classes. */
public final class Losses {
    private Losses() {
    }

    /**
     * Per-element binary cross-entropy with logits, {@code (B, 6)}: {@code max(z, 0) − z·y + log(1 + exp(−|z|))},
     * stable for any logit (the same as PyTorch's {@code BCEWithLogitsLoss(reduction='none')}).
     *
     * @param logits model outputs z
     * @param labels targets y in [0, 1], same shape
     */
    public static NDArray bceWithLogits(NDArray logits, NDArray labels) {
        NDArray softPlus = Activation.softPlus(logits.abs().neg());
        return logits.maximum(NativeScalar.like(logits, 0f)).sub(logits.mul(labels)).add(softPlus);
    }

    /** Mean of {@link #bceWithLogits} over all elements: the scalar training loss. */
    public static NDArray meanBceWithLogits(NDArray logits, NDArray labels) {
        return bceWithLogits(logits, labels).mean();
    }
}
