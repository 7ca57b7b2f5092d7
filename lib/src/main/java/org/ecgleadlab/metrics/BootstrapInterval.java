package org.ecgleadlab.metrics;

import java.util.Locale;

/**
 * A metric's value on the exams and its bootstrap percentile interval, with how many resamples it could be computed
 * on: a resample can leave a metric undefined (e.g. AUC when no exam of a rare condition was drawn); such resamples are
 * skipped for that metric and counted, and its interval comes from the others.
 *
 * @param metric   the metric's name, e.g. {@code auc_RBBB}
 * @param estimate the value on the exams as they are; NaN when undefined there
 * @param lower    the {@code (1 − level)/2} quantile of the resampled values; NaN when none was defined
 * @param upper    the {@code (1 + level)/2} quantile
 * @param level    the confidence level, e.g. 0.95
 * @param used     resamples where the metric was defined
 * @param skipped  resamples where it was not
 */
public record BootstrapInterval(String metric, double estimate, double lower, double upper, double level, int used,
                                int skipped) {
    /** Shown for an undefined value. */
    public static final String UNDEFINED = "n/a";

    /** Whether the metric has a value on the exams. */
    public boolean isDefined() {
        return !Double.isNaN(estimate);
    }

    /** Whether {@code value} lies inside the interval (bounds included). */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** E.g. {@code 0.885 [0.861, 0.905]}; {@code n/a} when undefined; the value alone when no resample had one. */
    public String format(int decimals) {
        if (!isDefined()) {
            return UNDEFINED;
        }
        String number = "%." + decimals + "f";
        if (Double.isNaN(lower)) {
            return String.format(Locale.ROOT, number, estimate);
        }
        return String.format(Locale.ROOT, number + " [" + number + ", " + number + "]", estimate, lower, upper);
    }
}
