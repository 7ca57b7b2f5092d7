package org.ecgleadlab.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A receiver operating characteristic curve and the area under it, as scikit-learn computes them:
 * {@code fpr, tpr, thresholds = roc_curve(y_true, y_score)} (with its default {@code drop_intermediate=True}, which
 * leaves out thresholds that lie on a straight segment between their neighbours and so change neither the picture nor
 * the area) and {@code roc_auc_score(y_true, y_score)} = {@code auc(fpr, tpr)}, the trapezoidal rule — which gives tied
 * scores half credit. The curve starts at (0, 0) with threshold +∞ (scikit-learn ≥ 1.3; older versions write the
 * highest score + 1 there).
 *
 * <p>With no negative exams the false positive rate is undefined (NaN, as scikit-learn's), with no positive exams the
 * true positive rate; either way the AUC is NaN, where scikit-learn raises an error.
 *
 * @param falsePositiveRate non-decreasing, from 0 to 1
 * @param truePositiveRate  non-decreasing, from 0 to 1
 * @param thresholds        decreasing, the first +∞
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds) {
    /** The curve of {@code scores} (higher = more likely positive) against {@code positive}. */
    public static RocCurve of(double[] scores, boolean[] positive) {
        return of(ThresholdCounts.of(scores, positive));
    }

    /** The curve from counts already made. */
    public static RocCurve of(ThresholdCounts counts) {
        double[] fps = counts.falsePositives();
        double[] tps = counts.truePositives();
        double[] thresholds = counts.thresholds();
        int[] kept = optimalIndices(fps, tps);
        int n = kept.length + 1;
        double[] fpr = new double[n];
        double[] tpr = new double[n];
        double[] t = new double[n];
        t[0] = Double.POSITIVE_INFINITY;
        double negatives = counts.negatives();
        double positives = counts.positives();
        for (int i = 0; i < n; i++) {
            double fp = i == 0 ? 0 : fps[kept[i - 1]];
            double tp = i == 0 ? 0 : tps[kept[i - 1]];
            fpr[i] = negatives > 0 ? fp / negatives : Double.NaN;
            tpr[i] = positives > 0 ? tp / positives : Double.NaN;
            if (i > 0) {
                t[i] = thresholds[kept[i - 1]];
            }
        }
        return new RocCurve(fpr, tpr, t);
    }

    /**
     * scikit-learn's {@code drop_intermediate}: keeps the first and last point and every point where the second
     * difference of the false or the true positive counts is not zero (a corner of the curve).
     */
    private static int[] optimalIndices(double[] fps, double[] tps) {
        int n = fps.length;
        if (n <= 2) {
            return IntStream.range(0, n).toArray();
        }
        int[] kept = new int[n];
        int count = 0;
        kept[count++] = 0;
        for (int i = 1; i < n - 1; i++) {
            boolean corner = fps[i + 1] - fps[i] - (fps[i] - fps[i - 1]) != 0
                    || tps[i + 1] - tps[i] - (tps[i] - tps[i - 1]) != 0;
            if (corner) {
                kept[count++] = i;
            }
        }
        kept[count++] = n - 1;
        return Arrays.copyOf(kept, count);
    }

    /** Points on the curve. */
    public int size() {
        return thresholds.length;
    }

    /** Whether both rates are defined (the exams hold positives and negatives). */
    public boolean isDefined() {
        return !Double.isNaN(falsePositiveRate[0]) && !Double.isNaN(truePositiveRate[0]);
    }

    /**
     * The area under the curve ({@code roc_auc_score}): {@code numpy.trapz(tpr, fpr)}, summed as numpy sums; NaN when
     * the exams hold only positives or only negatives.
     */
    public double auc() {
        if (!isDefined()) {
            return Double.NaN;
        }
        double[] terms = new double[size() - 1];
        for (int i = 0; i < terms.length; i++) {
            double dx = falsePositiveRate[i + 1] - falsePositiveRate[i];
            terms[i] = dx * (truePositiveRate[i + 1] + truePositiveRate[i]) / 2.0;
        }
        return NumpySum.sum(terms);
    }
}
