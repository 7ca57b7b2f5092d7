package org.ecgleadlab.subsets;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.metrics.Bootstrap;
import org.ecgleadlab.metrics.Decisions;
import org.ecgleadlab.metrics.MetricInterval;
import org.ecgleadlab.metrics.MultiLabelMetrics;
import org.ecgleadlab.metrics.PairedDifference;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.RankingMetrics;
import org.ecgleadlab.metrics.Thresholds;

/**
 * Scores lead sets on the same exams with one shared bootstrap: the resamples (exam multiplicities) are drawn once by
 * {@link Bootstrap#forEachResample} and every set is scored on the same ones, so two sets can be compared paired — exam
 * difficulty cancels — from their stored macro-F1 replicates, without scoring again.
 *
 * <p>Point values come from {@link MultiLabelMetrics} (F1, scikit-learn's definitions, {@code zero_division=0}) and
 * {@link RankingMetrics} (ROC AUC); the replicates' F1 from {@link Decisions} (the confusion matrices of each resample,
 * as {@link Bootstrap} counts them) and their AUC from {@link RocAuc}'s weighted Mann–Whitney pass (one sort per
 * condition instead of one per resample). Intervals are {@link Bootstrap#percentileBounds}.
 */
final class SubsetScoring {
    static final double LEVEL = Bootstrap.DEFAULT_LEVEL;

    private final long[] examIds;
    private final float[][] labels;
    private final Thresholds thresholds;
    private final long[][] resamples;
    private final Bootstrap bootstrap;
    private final ConcurrentHashMap<LeadSet, double[]> f1Replicates = new ConcurrentHashMap<>();

    /** Prepares {@code replicates} resamples of the exams ({@code labels[exam][condition]}) from {@code seed}. */
    SubsetScoring(long[] examIds, float[][] labels, double threshold, int replicates, long seed) {
        this.examIds = examIds.clone();
        this.labels = labels;
        this.thresholds = Thresholds.uniform(threshold);
        this.bootstrap = new Bootstrap(replicates, seed);
        this.resamples = new long[replicates][];
        bootstrap.forEachResample(labels.length, (b, weights) -> resamples[b] = weights.clone());
    }

    /** Scores every set of {@code sets} ({@code probabilities.get(set)[exam][condition]}), in parallel. */
    List<SubsetScore> scoreAll(List<LeadSet> sets, java.util.Map<LeadSet, float[][]> probabilities) {
        return IntStream.range(0, sets.size()).parallel()
                .mapToObj(i -> score(sets.get(i), probabilities.get(sets.get(i)))).toList();
    }

    /** One set's metrics and intervals; its macro-F1 replicates are kept for {@link #paired}. */
    SubsetScore score(LeadSet set, float[][] probabilities) {
        int n = probabilities.length;
        Predictions predictions = new Predictions(examIds, probabilities, labels);
        MultiLabelMetrics point = MultiLabelMetrics.of(predictions, thresholds);
        RankingMetrics ranking = RankingMetrics.of(predictions);
        Decisions decisions = Decisions.of(predictions, thresholds);
        RocAuc[] auc = new RocAuc[Condition.COUNT];
        double[] aucPerClass = new double[Condition.COUNT];
        for (int c = 0; c < Condition.COUNT; c++) {
            float[] scores = new float[n];
            boolean[] truth = new boolean[n];
            for (int e = 0; e < n; e++) {
                scores[e] = probabilities[e][c];
                truth[e] = predictions.actual(e, c);
            }
            auc[c] = new RocAuc(scores, truth);
            aucPerClass[c] = ranking.auc(Condition.values()[c]);
        }
        int b = resamples.length;
        double[] macroF1 = new double[b];
        double[] macroAuc = new double[b];
        double[][] classF1 = new double[Condition.COUNT][b];
        for (int r = 0; r < b; r++) {
            long[] weights = resamples[r];
            MultiLabelMetrics metrics = decisions.metrics(weights);
            double aucSum = 0;
            int aucClasses = 0;
            for (Condition condition : Condition.values()) {
                int c = condition.index();
                classF1[c][r] = metrics.f1(condition);
                double a = auc[c].auc(weights);
                if (!Double.isNaN(a)) {
                    aucSum += a;
                    aucClasses++;
                }
            }
            macroF1[r] = metrics.macroF1();
            macroAuc[r] = aucClasses == 0 ? Double.NaN : aucSum / aucClasses;
        }
        f1Replicates.put(set, macroF1);
        MetricInterval[] perClass = new MetricInterval[Condition.COUNT];
        for (Condition c : Condition.values()) {
            perClass[c.index()] = interval(MultiLabelMetrics.f1Key(c), point.f1(c), classF1[c.index()]);
        }
        return new SubsetScore(set, interval(MultiLabelMetrics.MACRO_F1, point.macroF1(), macroF1),
                interval(RankingMetrics.MACRO_AUC, ranking.macroAuc(), macroAuc), perClass, aucPerClass);
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

    private MetricInterval interval(String metric, double estimate, double[] replicates) {
        double[] bounds = bounds(replicates);
        return new MetricInterval(metric, estimate, bounds[0], bounds[1], LEVEL);
    }

    /** Percentile bounds over the finite replicates (a resample without both classes has no AUC). */
    private double[] bounds(double[] values) {
        return bootstrap.percentileBounds(java.util.Arrays.stream(values).filter(Double::isFinite).toArray());
    }
}
