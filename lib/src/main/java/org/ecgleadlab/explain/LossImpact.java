package org.ecgleadlab.explain;

import org.ecgleadlab.explain.exam.ExamScores;
import org.ecgleadlab.explain.exam.Logits;

/**
 * Loss impact (paper §4.2.1): the increase of the multi-label binary cross-entropy when lead l is occluded,
 * L(f(X^(−l)), Y) − L(f(X), Y). The condition columns use the per-condition terms of the loss; the 12-vector uses the
 * loss itself, the mean of those terms (as PyTorch's {@code BCEWithLogitsLoss} reduces them).
 */
public final class LossImpact {
    private LossImpact() {
    }

    /**
     * @param logits {@code [13][6]} logits of X (row 0) and X^(−l) (row 1 + l), as {@link OcclusionPass} returns them
     * @param labels the exam's six labels
     */
    public static ExamScores score(long examId, double[][] logits, float[] labels) {
        return ExamScores.meanOverConditions(examId, (l, c) -> Logits.bceWithLogits(logits[1 + l][c], labels[c])
                - Logits.bceWithLogits(logits[0][c], labels[c]));
    }
}
