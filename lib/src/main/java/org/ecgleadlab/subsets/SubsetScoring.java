package org.ecgleadlab.subsets;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.metrics.MetricInterval;
import org.ecgleadlab.metrics.MultiLabelMetrics;
import org.ecgleadlab.metrics.PairedDifference;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.Thresholds;

/**
 * Scores lead sets on the same exams with one shared bootstrap: the resamples (exam multiplicities) are drawn once,
 * as {@link org.ecgleadlab.metrics.Bootstrap} draws them (a {@link SplittableRandom} of the seed, N draws with
 * replacement per replicate), and every set is scored on the same resamples. So two sets can be compared paired —
 * exam difficulty cancels — from their stored macro-F1 replicates, without scoring again.
 *
 * <p>Point values of F1 come from {@link MultiLabelMetrics} (scikit-learn's definitions, {@code zero_division=0});
 * the replicates recount the same confusion matrices with weights. Intervals are percentile intervals (R-7, numpy's
 * default), as in {@code Bootstrap}.
 */
final class SubsetScoring {
    static final double LEVEL = 0.95;

    private final long[] examIds;
    private final boolean[][] positive;
    private final float[][] labels;
    private final Thresholds thresholds;
    private final int[][] resamples;
    private final ConcurrentHashMap<LeadSet, double[]> f1Replicates = new ConcurrentHashMap<>();

    /** Prepares {@code replicates} resamples of the exams ({@code labels[exam][condition]}) from {@code seed}. */
    SubsetScoring(long[] examIds, float[][] labels, double threshold, int replicates, long seed) {
        this.examIds = examIds.clone();
        this.labels = labels;
        this.positive = new boolean[labels.length][Condition.COUNT];
        for (int e = 0; e < labels.length; e++) {
            for (int c = 0; c < Condition.COUNT; c++) {
                positive[e][c] = labels[e][c] >= 0.5f;
            }
        }
        this.thresholds = Thresholds.uniform(threshold);
        this.resamples = new int[replicates][labels.length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int[] weights : resamples) {
            for (int i = 0; i < weights.length; i++) {
                weights[random.nextInt(weights.length)]++;
            }
        }
    }

    /** Scores every set of {@code sets} ({@code probabilities.get(set)[exam][condition]}), in parallel. */
    List<SubsetScore> scoreAll(List<LeadSet> sets, java.util.Map<LeadSet, float[][]> probabilities) {
        return IntStream.range(0, sets.size()).parallel()
                .mapToObj(i -> score(sets.get(i), probabilities.get(sets.get(i)))).toList();
    }

    /** One set's metrics and intervals; its macro-F1 replicates are kept for {@link #paired}. */
    SubsetScore score(LeadSet set, float[][] probabilities) {
        int n = probabilities.length;
        MultiLabelMetrics point = MultiLabelMetrics.of(new Predictions(examIds, probabilities, labels), thresholds);
        int[] predicted = new int[n];
        int[] actual = new int[n];
        for (int e = 0; e < n; e++) {
            for (int c = 0; c < Condition.COUNT; c++) {
                predicted[e] |= thresholds.isPositive(probabilities[e][c], c) ? 1 << c : 0;
                actual[e] |= positive[e][c] ? 1 << c : 0;
            }
        }
        RocAuc[] auc = new RocAuc[Condition.COUNT];
        double[] aucPerClass = new double[Condition.COUNT];
        for (int c = 0; c < Condition.COUNT; c++) {
            float[] scores = new float[n];
            boolean[] truth = new boolean[n];
            for (int e = 0; e < n; e++) {
                scores[e] = probabilities[e][c];
                truth[e] = positive[e][c];
            }
            auc[c] = new RocAuc(scores, truth);
            aucPerClass[c] = auc[c].auc();
        }
        int b = resamples.length;
        double[] macroF1 = new double[b];
        double[] macroAuc = new double[b];
        double[][] classF1 = new double[Condition.COUNT][b];
        for (int r = 0; r < b; r++) {
            int[] weights = resamples[r];
            long[] tp = new long[Condition.COUNT];
            long[] fp = new long[Condition.COUNT];
            long[] fn = new long[Condition.COUNT];
            for (int e = 0; e < n; e++) {
                int w = weights[e];
                if (w == 0) {
                    continue;
                }
                int both = predicted[e] & actual[e];
                int onlyPredicted = predicted[e] & ~actual[e];
                int onlyActual = actual[e] & ~predicted[e];
                for (int c = 0; c < Condition.COUNT; c++) {
                    tp[c] += (both >> c & 1) * w;
                    fp[c] += (onlyPredicted >> c & 1) * w;
                    fn[c] += (onlyActual >> c & 1) * w;
                }
            }
            double f1Sum = 0;
            double aucSum = 0;
            int aucClasses = 0;
            for (int c = 0; c < Condition.COUNT; c++) {
                long denominator = 2 * tp[c] + fp[c] + fn[c];
                classF1[c][r] = denominator == 0 ? 0 : 2.0 * tp[c] / denominator;
                f1Sum += classF1[c][r];
                double a = auc[c].auc(weights);
                if (!Double.isNaN(a)) {
                    aucSum += a;
                    aucClasses++;
                }
            }
            macroF1[r] = f1Sum / Condition.COUNT;
            macroAuc[r] = aucClasses == 0 ? Double.NaN : aucSum / aucClasses;
        }
        f1Replicates.put(set, macroF1);
        MetricInterval[] perClass = new MetricInterval[Condition.COUNT];
        for (Condition c : Condition.values()) {
            perClass[c.index()] = interval(MultiLabelMetrics.f1Key(c), point.f1(c), classF1[c.index()]);
        }
        return new SubsetScore(set, interval(MultiLabelMetrics.MACRO_F1, point.macroF1(), macroF1),
                interval("macro_auc", mean(aucPerClass), macroAuc), perClass, aucPerClass);
    }

    /**
     * Macro F1 of {@code model} minus that of {@code reference} on the same resamples: the observed difference, its
     * percentile interval and the two-sided p-value of "no difference" as {@code Bootstrap.compare} computes it
     * ({@code (1 + #{b : |d*_b − d| ≥ |d|}) / (B + 1)}). Both sets must have been scored.
     */
    PairedDifference paired(SubsetScore model, SubsetScore reference) {
        double[] a = f1Replicates.get(model.set());
        double[] r = f1Replicates.get(reference.set());
        double observed = model.f1() - reference.f1();
        double[] differences = new double[a.length];
        long extreme = 0;
        for (int i = 0; i < a.length; i++) {
            differences[i] = a[i] - r[i];
            if (Math.abs(differences[i] - observed) >= Math.abs(observed) - 1e-12) {
                extreme++;
            }
        }
        double[] bounds = bounds(differences);
        return new PairedDifference(MultiLabelMetrics.MACRO_F1, model.f1(), reference.f1(), observed, bounds[0],
                bounds[1], (1.0 + extreme) / (a.length + 1.0), LEVEL);
    }

    private static MetricInterval interval(String metric, double estimate, double[] replicates) {
        double[] bounds = bounds(replicates);
        return new MetricInterval(metric, estimate, bounds[0], bounds[1], LEVEL);
    }

    private static double[] bounds(double[] values) {
        double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(finite);
        double tail = (1 - LEVEL) / 2 * 100;
        return new double[] {percentile.evaluate(tail), percentile.evaluate(100 - tail)};
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
