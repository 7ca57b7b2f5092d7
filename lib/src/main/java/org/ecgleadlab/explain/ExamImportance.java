package org.ecgleadlab.explain;

import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;

/**
 * One method's importance scores for one exam.
 *
 * @param examId         the exam's id in the test pool
 * @param byLeadAndClass {@code [12][6]} importance of each lead for each condition
 * @param byLead         {@code [12]} importance of each lead for the whole multi-label decision
 * @param countsForClass {@code [6]} whether this exam enters the average of each condition's column (attention
 *                       perturbation counts an exam only for the conditions present in it; the others count every exam)
 */
public record ExamImportance(long examId, double[][] byLeadAndClass, double[] byLead, boolean[] countsForClass) {
    public ExamImportance {
        if (byLeadAndClass.length != Lead.COUNT || byLeadAndClass[0].length != Condition.COUNT
                || byLead.length != Lead.COUNT || countsForClass.length != Condition.COUNT) {
            throw new IllegalArgumentException("importance of exam " + examId + " must be 12 x 6, 12 and 6 long");
        }
    }

    /** Every condition counts (output perturbation, loss impact, integrated gradients). */
    public static boolean[] allClasses() {
        boolean[] all = new boolean[Condition.COUNT];
        java.util.Arrays.fill(all, true);
        return all;
    }
}
