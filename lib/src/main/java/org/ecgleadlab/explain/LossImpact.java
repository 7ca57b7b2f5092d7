package org.ecgleadlab.explain;

import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;

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
    public static ExamImportance score(long examId, double[][] logits, float[] labels) {
        double[][] byLeadAndClass = new double[Lead.COUNT][Condition.COUNT];
        double[] byLead = new double[Lead.COUNT];
        for (int l = 0; l < Lead.COUNT; l++) {
            for (int c = 0; c < Condition.COUNT; c++) {
                byLeadAndClass[l][c] = bceWithLogits(logits[1 + l][c], labels[c]) - bceWithLogits(logits[0][c], labels[c]);
                byLead[l] += byLeadAndClass[l][c] / Condition.COUNT;
            }
        }
        return new ExamImportance(examId, byLeadAndClass, byLead, ExamImportance.allClasses());
    }

    /** Binary cross-entropy of a logit against a 0/1 label, in the overflow-safe form max(z,0) − zy + log(1+e^−|z|). */
    static double bceWithLogits(double logit, double label) {
        return Math.max(logit, 0) - logit * label + Math.log1p(Math.exp(-Math.abs(logit)));
    }
}
