package org.ecgleadlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * ROC and precision-recall curves, AUC and average precision against scikit-learn 1.2.1 (Debian python3-sklearn,
 * numpy 1.24.2). Every expected number was printed by Python for the same data and is compared exactly (delta 0).
 */
class CurvesTest {
    /** Twelve exams with three tied scores (0.35 ×3, 0.6 ×2, 0.1 ×2). */
    private static final double[] TIED_SCORES = {0.1, 0.4, 0.35, 0.8, 0.35, 0.35, 0.9, 0.1, 0.6, 0.6, 0.2, 0.7};
    private static final boolean[] TIED_LABELS = labels(0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 0, 1);

    @Test
    void rocCurveWithTiesEqualsScikitLearn() {
        // fpr, tpr, t = sklearn.metrics.roc_curve(y, s); s, y = TIED_SCORES, TIED_LABELS
        RocCurve roc = RocCurve.of(TIED_SCORES, TIED_LABELS);
        assertArrayEquals(new double[] {0., 0., 0., 0.16666666666666666, 0.3333333333333333, 0.5, 0.6666666666666666,
            1.}, roc.falsePositiveRate(), 0);
        assertArrayEquals(new double[] {0., 0.16666666666666666, 0.5, 0.6666666666666666, 0.6666666666666666, 1., 1.,
            1.}, roc.truePositiveRate(), 0);
        // scikit-learn 1.2 writes max + 1 = 1.9 first; 1.3 and later write inf, as here.
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.7, 0.6, 0.4, 0.35, 0.2, 0.1},
                roc.thresholds(), 0);
        // sklearn.metrics.roc_auc_score(y, s): the tie at 0.35 (2 positives, 1 negative) gets half credit
        assertEquals(0.8472222222222222, roc.auc(), 0);
    }

    @Test
    void precisionRecallCurveWithTiesEqualsScikitLearn() {
        // p, r, t = sklearn.metrics.precision_recall_curve(y, s)
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(TIED_SCORES, TIED_LABELS);
        assertArrayEquals(new double[] {0.5, 0.6, 0.6666666666666666, 0.6666666666666666, 0.8, 1., 1., 1., 1.},
                pr.precision(), 0);
        assertArrayEquals(new double[] {1., 1., 1., 0.6666666666666666, 0.6666666666666666, 0.5, 0.3333333333333333,
            0.16666666666666666, 0.}, pr.recall(), 0);
        assertArrayEquals(new double[] {0.1, 0.2, 0.35, 0.4, 0.6, 0.7, 0.8, 0.9}, pr.thresholds(), 0);
        // sklearn.metrics.average_precision_score(y, s): the step-wise sum, not the trapezoidal area
        assertEquals(0.8555555555555555, pr.averagePrecision(), 0);
    }

    /**
     * 1000 exams, 101 distinct scores: {@code i = np.arange(1000); s = ((i * 37) % 101) / 101.0;
     * y = ((((i * 13) % 7) < 3) ^ (s > 0.8)).astype(int)} — long enough for numpy's pairwise summation to matter.
     */
    @Test
    void aucAndAveragePrecisionOnAThousandExamsEqualScikitLearnToTheLastBit() {
        int n = 1000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = ((i * 37) % 101) / 101.0;
            y[i] = ((i * 13) % 7 < 3) ^ (s[i] > 0.8);
        }
        RocCurve roc = RocCurve.of(s, y);
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(s, y);
        assertEquals(0.5444804566563467, roc.auc(), 0); // roc_auc_score(y, s)
        assertEquals(0.5061724748358685, pr.averagePrecision(), 0); // average_precision_score(y, s)
        // fpr, tpr, t = roc_curve(y, s): 62 points kept by drop_intermediate; point 5
        assertEquals(62, roc.size());
        assertEquals(0.04044117647058824, roc.falsePositiveRate()[5], 0);
        assertEquals(0.06140350877192982, roc.truePositiveRate()[5], 0);
        assertEquals(0.9504950495049505, roc.thresholds()[5], 0);
        // p, r, t = precision_recall_curve(y, s): 102 points; point 7
        assertEquals(102, pr.precision().length);
        assertEquals(0.45806451612903226, pr.precision()[7], 0);
        assertEquals(0.9342105263157895, pr.recall()[7], 0);
        assertEquals(0.06930693069306931, pr.thresholds()[7], 0);
    }

    /**
     * {@code scales = [1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100, 1e3, 1e4]; k = np.arange(m);
     * v = (((k * 7919) % 1000) - 500) / 7.0 * scales[k % 9]; np.sum(v)} — a plain loop differs from m = 100 on.
     */
    @Test
    void sumsLikeNumpy() {
        double[] scales = {1e-4, 1e-3, 1e-2, 0.1, 1.0, 10.0, 100.0, 1e3, 1e4};
        int[] sizes = {5, 100, 1000, 10000};
        double[] numpy = {29.349857142857143, 420458.5618, 41269.83537142852, -752380.9574857146};
        double[] plainLoop = {29.349857142857143, 420458.56180000026, 41269.835371429486, -752380.9574857121};
        for (int j = 0; j < sizes.length; j++) {
            double[] v = new double[sizes[j]];
            double loop = 0;
            for (int k = 0; k < v.length; k++) {
                v[k] = (((k * 7919L) % 1000) - 500) / 7.0 * scales[k % 9];
                loop += v[k];
            }
            assertEquals(numpy[j], NumpySum.sum(v), 0, "m = " + sizes[j]);
            assertEquals(plainLoop[j], loop, 0, "the fixture really tells the two sums apart, m = " + sizes[j]);
        }
    }

    @Test
    void onlyOneClassLeavesAucUndefinedAndAveragePrecisionAsScikitLearn() {
        double[] s = {0.2, 0.4, 0.4, 0.9};
        RocCurve allPositive = RocCurve.of(s, labels(1, 1, 1, 1));
        assertTrue(Double.isNaN(allPositive.auc()));
        assertTrue(Double.isNaN(allPositive.falsePositiveRate()[1])); // roc_curve gives nan fpr, as here
        assertEquals(1.0, PrecisionRecallCurve.of(s, labels(1, 1, 1, 1)).averagePrecision(), 0);
        assertTrue(Double.isNaN(RocCurve.of(s, labels(0, 0, 0, 0)).auc()));
        assertTrue(Double.isNaN(PrecisionRecallCurve.of(s, labels(0, 0, 0, 0)).averagePrecision()));
    }

    @Test
    void allScoresTiedGiveChanceAuc() {
        double[] s = {0.3, 0.3, 0.3, 0.3, 0.3};
        boolean[] y = labels(1, 0, 0, 1, 0);
        assertEquals(0.5, RocCurve.of(s, y).auc(), 0);
        assertEquals(0.4, PrecisionRecallCurve.of(s, y).averagePrecision(), 0); // the prevalence
    }

    /** A resample given as multiplicities scores exactly like the resampled exams written out. */
    @Test
    void weightedCountsEqualTheExpandedResample() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 300;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        long[] w = new long[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            s[i] = random.nextInt(40) / 40.0; // many ties
            y[i] = random.nextDouble() < 0.3 + 0.5 * s[i];
            w[i] = random.nextInt(3); // some exams not drawn at all
            total += (int) w[i];
        }
        double[] es = new double[total];
        boolean[] ey = new boolean[total];
        for (int i = 0, k = 0; i < n; i++) {
            for (int r = 0; r < w[i]; r++, k++) {
                es[k] = s[i];
                ey[k] = y[i];
            }
        }
        ThresholdCounts weighted = RankedScores.of(s, y).counts(w);
        assertEquals(RocCurve.of(es, ey).auc(), RocCurve.of(weighted).auc(), 0);
        assertEquals(PrecisionRecallCurve.of(es, ey).averagePrecision(),
                PrecisionRecallCurve.of(weighted).averagePrecision(), 0);
        assertArrayEquals(RocCurve.of(es, ey).thresholds(), RocCurve.of(weighted).thresholds(), 0);
    }

    static boolean[] labels(int... values) {
        boolean[] labels = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = values[i] == 1;
        }
        return labels;
    }
}
