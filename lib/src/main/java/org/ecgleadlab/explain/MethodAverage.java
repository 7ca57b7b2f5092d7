package org.ecgleadlab.explain;

/**
 * One method's importance averaged over exams (the third stage of the score chain, from
 * {@link MethodExamScores#average}): the 12 × 6 lead × condition matrix of the paper's Figure 2 and the
 * 12-vector that enters the fused ranking. Raw scores (before normalisation); a column is NaN when no averaged exam
 * counts for that condition.
 *
 * @param method         which method produced the scores
 * @param byLeadAndClass {@code [12][6]}
 * @param byLead         {@code [12]}
 * @param exams          how many exams were averaged
 */
public record MethodAverage(ImportanceMethod method, double[][] byLeadAndClass, double[] byLead, int exams) {
}
