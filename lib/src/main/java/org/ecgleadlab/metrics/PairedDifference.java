package org.ecgleadlab.metrics;

import java.util.Locale;

/**
 * A paired bootstrap comparison of one metric between a model and a baseline evaluated on the same exams.
 *
 * @param metric     the metric's name (a key of {@link MultiLabelMetrics#asMap()})
 * @param model      the model's value on the exams
 * @param baseline   the baseline's value on the same exams
 * @param difference {@code model − baseline}
 * @param lower      lower percentile bound of the bootstrap differences
 * @param upper      upper percentile bound of the bootstrap differences
 * @param pValue     two-sided p-value of "no difference" (see {@link Bootstrap#compare})
 * @param level      the confidence level of the interval, e.g. 0.95
 */
public record PairedDifference(String metric, double model, double baseline, double difference, double lower,
                               double upper, double pValue, double level) {
    /** Whether the difference is significant at {@code alpha} (two-sided). */
    public boolean isSignificant(double alpha) {
        return pValue < alpha;
    }

    /** E.g. {@code -0.010 [-0.031, 0.012] p=0.38}. */
    public String format(int decimals) {
        String number = "%+." + decimals + "f";
        return String.format(Locale.ROOT, number + " [" + number + ", " + number + "] p=%.3g",
                difference, lower, upper, pValue);
    }
}
