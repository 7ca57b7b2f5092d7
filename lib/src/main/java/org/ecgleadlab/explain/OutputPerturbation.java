package org.ecgleadlab.explain;

import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;

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
    public static ExamImportance score(long examId, double[][] logits, float[] labels) {
        double[][] byLeadAndClass = new double[Lead.COUNT][Condition.COUNT];
        double[] byLead = new double[Lead.COUNT];
        for (int l = 0; l < Lead.COUNT; l++) {
            for (int c = 0; c < Condition.COUNT; c++) {
                double drop = sigmoid(logits[0][c]) - sigmoid(logits[1 + l][c]);
                byLeadAndClass[l][c] = labels[c] >= 0.5f ? drop : -drop;
                byLead[l] += byLeadAndClass[l][c] / Condition.COUNT;
            }
        }
        return new ExamImportance(examId, byLeadAndClass, byLead, ExamImportance.allClasses());
    }

    static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }
}
