package org.ecgleadlab.explain.exam;

import java.util.Arrays;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;

/**
 * One method's importance scores for one exam: the first stage of the score chain (see the {@code explain} package).
 *
 * @param examId         the exam's id in the test pool
 * @param byLeadAndClass {@code [12][6]} importance of each lead for each condition
 * @param byLead         {@code [12]} importance of each lead for the whole multi-label decision
 * @param countsForClass {@code [6]} whether this exam enters the average of each condition's column (attention
 *                       perturbation and Integrated Gradients count an exam only for the conditions present in it;
 *                       the others count every exam)
 */
public record ExamScores(long examId, double[][] byLeadAndClass, double[] byLead, boolean[] countsForClass)
        implements java.io.Serializable {
    public ExamScores {
        if (byLeadAndClass.length != Lead.COUNT || byLeadAndClass[0].length != Condition.COUNT
                || byLead.length != Lead.COUNT || countsForClass.length != Condition.COUNT) {
            throw new IllegalArgumentException("importance of exam " + examId + " must be 12 x 6, 12 and 6 long");
        }
    }

    /** A score per (lead channel, condition index). */
    @FunctionalInterface
    public interface LeadConditionScore {
        double score(int lead, int condition);
    }

    /**
     * Scores whose 12-vector is each lead's mean over the six condition columns and where every condition counts
     * (output perturbation, loss impact: the loss is the mean of its six terms).
     */
    public static ExamScores meanOverConditions(long examId, LeadConditionScore score) {
        double[][] byLeadAndClass = new double[Lead.COUNT][Condition.COUNT];
        double[] byLead = new double[Lead.COUNT];
        for (int l = 0; l < Lead.COUNT; l++) {
            for (int c = 0; c < Condition.COUNT; c++) {
                byLeadAndClass[l][c] = score.score(l, c);
                byLead[l] += byLeadAndClass[l][c] / Condition.COUNT;
            }
        }
        boolean[] all = new boolean[Condition.COUNT];
        Arrays.fill(all, true);
        return new ExamScores(examId, byLeadAndClass, byLead, all);
    }

    /** Which of the six conditions an exam's labels mark present (label ≥ 0.5). */
    public static boolean[] presentConditions(float[] labels) {
        boolean[] present = new boolean[Condition.COUNT];
        for (int c = 0; c < Condition.COUNT; c++) {
            present[c] = labels[c] >= 0.5f;
        }
        return present;
    }
}
