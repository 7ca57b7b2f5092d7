package org.ecgleadlab.subsets;

import org.ecgleadlab.metrics.MetricInterval;

/**
 * The measured performance of one lead set on the evaluation exams.
 *
 * @param set         the leads
 * @param macroF1     macro F1 at the search's threshold, with its bootstrap 95 % interval
 * @param macroAuc    macro ROC AUC (mean over the conditions with positive and negative exams), with its interval
 * @param f1PerClass  per-condition F1 with intervals, {@link org.ecgleadlab.data.Condition} order
 * @param aucPerClass per-condition ROC AUC (NaN where the exams hold only one class), Condition order
 */
public record SubsetScore(LeadSet set, MetricInterval macroF1, MetricInterval macroAuc, MetricInterval[] f1PerClass,
                          double[] aucPerClass) {
    public int size() {
        return set.size();
    }

    public double f1() {
        return macroF1.estimate();
    }
}
