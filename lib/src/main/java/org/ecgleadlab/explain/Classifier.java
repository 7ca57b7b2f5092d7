package org.ecgleadlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * What the lead-importance methods need from a trained model: an eval-mode forward that also hands out the attention
 * matrices of its local-global blocks. The interpretability code depends on nothing else of the model.
 */
public interface Classifier {
    /** Manager (and so device) on which inputs are created; the methods open sub-managers under it. */
    NDManager manager();

    /**
     * Eval-mode forward (no dropout, BatchNorm running statistics) of an input {@code (B, 12, L)}.
     *
     * @return {@code NDList(logits (B, 6), A_1 (B, heads, M_1, N_1), ..., A_k)}: the logits first, then the attention
     *     matrices of each block in order (none for a model without attention)
     */
    NDList forward(NDArray input);
}
