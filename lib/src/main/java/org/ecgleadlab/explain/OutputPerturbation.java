package org.ecgleadlab.explain;

import org.ecgleadlab.explain.exam.ExamScores;
import org.ecgleadlab.explain.exam.Logits;

/**
 * Output perturbation (paper §4.2.1): the change in the predicted probability when lead l is occluded, signed so that
 * a lead scores high when its removal hurts the correct answer: P(c|X) − P(c|X^(−l)) where c is present,
 * P(c|X^(−l)) − P(c|X) where c is absent. The 12-vector is the mean over the six conditions.
 */
public final class OutputPerturbation {
    private OutputPerturbation() {
    }

    /**
     * @param logits {@code [13][6]} logits of X (row 0) and X^(−l) (row 1 + l), as {@link OcclusionPass} returns them
     * @param labels the exam's six labels (1 present, 0 absent)
     */
    public static ExamScores score(long examId, double[][] logits, float[] labels) {
        return ExamScores.meanOverConditions(examId, (l, c) -> {
            double drop = Logits.sigmoid(logits[0][c]) - Logits.sigmoid(logits[1 + l][c]);
            return labels[c] >= 0.5f ? drop : -drop;
        });
    }
}
