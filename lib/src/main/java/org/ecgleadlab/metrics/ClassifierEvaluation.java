package org.ecgleadlab.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.ecgleadlab.data.Condition;

/**
 * Everything {@code jbang evaluate} measures on a set of predictions: per-condition and macro precision, recall, F1
 * and accuracy at the decision thresholds ({@link MultiLabelMetrics}), ROC AUC and average precision
 * ({@link RankingMetrics}), each with a bootstrap percentile interval, plus the confusion counts and the ROC and
 * precision-recall curves. One set of resamples of the exams serves every metric ({@link Bootstrap#forEachResample}),
 * so the F1 intervals equal {@link Bootstrap#intervals}'s for the same seed. A macro AUC / AP resample averages the
 * same conditions as the estimate does and is skipped when one of them is undefined in it.
 *
 * <pre>{@code
 * ClassifierEvaluation e = ClassifierEvaluation.of(PredictionsFile.read(csv), Thresholds.DEFAULT, new Bootstrap(1000, 7));
 * e.interval("auc_RBBB").format(3);   // "0.953 [0.921, 0.978]"
 * }</pre>
 *
 * @param predictions           the scored exams
 * @param thresholds            the decision threshold of every condition
 * @param bootstrap             the resamples of the intervals
 * @param thresholded           precision, recall, F1, accuracy and confusion counts at the thresholds
 * @param ranking               ROC AUC and average precision
 * @param rocCurves             one ROC curve per condition
 * @param precisionRecallCurves one precision-recall curve per condition
 * @param intervals             every metric with its interval, by name: {@link MultiLabelMetrics#names()}, then
 *                              {@link RankingMetrics#names()}
 */
public record ClassifierEvaluation(Predictions predictions, Thresholds thresholds, Bootstrap bootstrap,
                                   MultiLabelMetrics thresholded, RankingMetrics ranking, List<RocCurve> rocCurves,
                                   List<PrecisionRecallCurve> precisionRecallCurves,
                                   Map<String, BootstrapInterval> intervals) {
    /** Built by {@link #of}; the curves are one per condition, in {@link Condition} order. */
    public ClassifierEvaluation {
        rocCurves = List.copyOf(rocCurves);
        precisionRecallCurves = List.copyOf(precisionRecallCurves);
        intervals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
    }

    /** Evaluates {@code predictions} at {@code thresholds} with intervals from {@code bootstrap}. */
    public static ClassifierEvaluation of(Predictions predictions, Thresholds thresholds, Bootstrap bootstrap) {
        return of(predictions, thresholds, bootstrap, replicate -> { });
    }

    /** The same, calling {@code resampleDone} after each resample (a progress bar). */
    public static ClassifierEvaluation of(Predictions predictions, Thresholds thresholds, Bootstrap bootstrap,
                                          IntConsumer resampleDone) {
        int n = predictions.size();
        if (n == 0) {
            throw new IllegalArgumentException("an evaluation needs at least one exam");
        }
        Decisions decisions = Decisions.of(predictions, thresholds);
        RankedPredictions ranked = RankedPredictions.of(predictions);
        long[] ones = new long[n];
        Arrays.fill(ones, 1);
        MultiLabelMetrics thresholded = decisions.metrics(ones);
        RankingMetrics ranking = ranked.metrics(ones);
        boolean[] aucClasses = RankingMetrics.definedIn(ranking.aucs());
        boolean[] apClasses = RankingMetrics.definedIn(ranking.averagePrecisions());
        Map<String, Double> observed = values(thresholded, ranking, aucClasses, apClasses);
        Map<String, double[]> samples = new LinkedHashMap<>();
        observed.keySet().forEach(name -> samples.put(name, new double[bootstrap.replicates()]));
        bootstrap.forEachResample(n, (b, weights) -> {
            values(decisions.metrics(weights), ranked.metrics(weights), aucClasses, apClasses)
                    .forEach((name, value) -> samples.get(name)[b] = value);
            resampleDone.accept(b);
        });
        Map<String, BootstrapInterval> intervals = new LinkedHashMap<>();
        observed.forEach((name, estimate) -> intervals.put(name, interval(bootstrap, name, estimate,
                samples.get(name))));
        List<RocCurve> roc = new ArrayList<>();
        List<PrecisionRecallCurve> pr = new ArrayList<>();
        for (Condition c : Condition.values()) {
            ThresholdCounts counts = ranked.counts(c);
            roc.add(RocCurve.of(counts));
            pr.add(PrecisionRecallCurve.of(counts));
        }
        return new ClassifierEvaluation(predictions, thresholds, bootstrap, thresholded, ranking, roc, pr, intervals);
    }

    /** Thresholded metrics, then AUC / AP with the macro values over the given conditions. */
    private static Map<String, Double> values(MultiLabelMetrics thresholded, RankingMetrics ranking,
                                              boolean[] aucClasses, boolean[] apClasses) {
        Map<String, Double> values = new LinkedHashMap<>(thresholded.asMap());
        values.putAll(ranking.asMap());
        values.put(RankingMetrics.MACRO_AUC, RankingMetrics.meanOver(ranking.aucs(), aucClasses));
        values.put(RankingMetrics.MACRO_AP, RankingMetrics.meanOver(ranking.averagePrecisions(), apClasses));
        return values;
    }

    private static BootstrapInterval interval(Bootstrap bootstrap, String name, double estimate, double[] replicates) {
        double[] defined = Arrays.stream(replicates).filter(v -> !Double.isNaN(v)).toArray();
        int skipped = replicates.length - defined.length;
        if (Double.isNaN(estimate)) {
            return new BootstrapInterval(name, estimate, Double.NaN, Double.NaN, bootstrap.level(), 0,
                    replicates.length);
        }
        double[] bounds = bootstrap.percentileBounds(defined);
        return new BootstrapInterval(name, estimate, bounds[0], bounds[1], bootstrap.level(), defined.length, skipped);
    }

    /** Exams evaluated. */
    public int exams() {
        return predictions.size();
    }

    public ConfusionCounts counts(Condition condition) {
        return thresholded.counts(condition);
    }

    public RocCurve rocCurve(Condition condition) {
        return rocCurves.get(condition.index());
    }

    public PrecisionRecallCurve precisionRecallCurve(Condition condition) {
        return precisionRecallCurves.get(condition.index());
    }

    /** One metric with its interval, e.g. {@code interval("auc_RBBB")} or {@code interval("macro_f1")}. */
    public BootstrapInterval interval(String metric) {
        BootstrapInterval interval = intervals.get(metric);
        if (interval == null) {
            throw new IllegalArgumentException("no metric '" + metric + "'; known: " + intervals.keySet());
        }
        return interval;
    }

    /** The metrics skipped in some resamples (undefined there), in name order. */
    public List<BootstrapInterval> partlySkipped() {
        return intervals.values().stream().filter(i -> i.skipped() > 0).toList();
    }
}
