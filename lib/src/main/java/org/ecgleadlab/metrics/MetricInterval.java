package org.ecgleadlab.metrics;

import java.util.Locale;

/**
 * A metric's value on the exams evaluated and its bootstrap percentile confidence interval.
 *
 * @param metric   the metric's name (a key of {@link MultiLabelMetrics#asMap()})
 * @param estimate the value on the exams as they are (not the bootstrap mean)
 * @param lower    the {@code (1 − level)/2} quantile of the bootstrap values
 * @param upper    the {@code (1 + level)/2} quantile of the bootstrap values
 * @param level    the confidence level, e.g. 0.95
 */
public record MetricInterval(String metric, double estimate, double lower, double upper, double level) {
    /** Whether {@code value} lies inside the interval (bounds included). */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** Half the interval's width. */
    public double halfWidth() {
        return (upper - lower) / 2;
    }

    /** E.g. {@code 0.885 [0.861, 0.905]}. */
    public String format(int decimals) {
        String number = "%." + decimals + "f";
        return String.format(Locale.ROOT, number + " [" + number + ", " + number + "]", estimate, lower, upper);
    }
}
