package org.ecgleadlab.metrics;

/**
 * A precision-recall curve and its average precision, as scikit-learn computes them:
 * {@code precision, recall, thresholds = precision_recall_curve(y_true, y_score)} and
 * {@code average_precision_score(y_true, y_score)}. The arrays run from the lowest threshold to the highest, with a
 * last point (recall 0, precision 1) that has no threshold, so {@code precision} and {@code recall} hold one value more
 * than {@code thresholds}. A threshold where nothing is predicted positive has precision 0, as scikit-learn's.
 *
 * <p>Average precision is the step-wise sum {@code Σ (R_k − R_{k−1}) · P_k} over the thresholds, without
 * interpolation — not the trapezoidal area, which is optimistic. It is NaN when the exams hold no positive (recall is
 * undefined; scikit-learn warns and sets recall to 1). With no negatives it is 1, as in scikit-learn.
 *
 * @param precision increasing threshold order, last value 1
 * @param recall    non-increasing, last value 0
 * @param thresholds increasing
 * @param positives  exams labelled positive (counted with their multiplicity in a resample)
 */
public record PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds, double positives) {
    /** The curve of {@code scores} (higher = more likely positive) against {@code positive}. */
    public static PrecisionRecallCurve of(double[] scores, boolean[] positive) {
        return of(ThresholdCounts.of(scores, positive));
    }

    /** The curve from counts already made. */
    public static PrecisionRecallCurve of(ThresholdCounts counts) {
        double[] fps = counts.falsePositives();
        double[] tps = counts.truePositives();
        int n = counts.size();
        double positives = counts.positives();
        double[] precision = new double[n + 1];
        double[] recall = new double[n + 1];
        double[] thresholds = new double[n];
        for (int k = 0; k < n; k++) {
            int from = n - 1 - k; // reversed: lowest threshold first
            double predicted = tps[from] + fps[from];
            precision[k] = predicted != 0 ? tps[from] / predicted : 0.0;
            recall[k] = positives != 0 ? tps[from] / positives : 1.0;
            thresholds[k] = counts.thresholds()[from];
        }
        precision[n] = 1.0;
        recall[n] = 0.0;
        return new PrecisionRecallCurve(precision, recall, thresholds, positives);
    }

    /** Whether the exams hold a positive (recall is defined). */
    public boolean isDefined() {
        return positives > 0;
    }

    /** {@code -numpy.sum(numpy.diff(recall) * precision[:-1])}; NaN without positive exams. */
    public double averagePrecision() {
        if (!isDefined()) {
            return Double.NaN;
        }
        double[] terms = new double[thresholds.length];
        for (int k = 0; k < terms.length; k++) {
            terms[k] = (recall[k + 1] - recall[k]) * precision[k];
        }
        return -NumpySum.sum(terms);
    }
}
