package org.ecgleadlab.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.ecgleadlab.util.EcgLabException;

/**
 * Bootstrap over exams: each replicate draws N exams with replacement (seeded, so the same seed gives the same
 * intervals) and recomputes every metric of {@link MultiLabelMetrics}.
 * <ul>
 *   <li>{@link #intervals}: percentile confidence intervals — the {@code (1 − level)/2} and {@code (1 + level)/2}
 *       quantiles of the replicate values (linear interpolation between order statistics, numpy's default);</li>
 *   <li>{@link #compare}: a paired test of a model against a baseline on the same exams — each replicate resamples
 *       exams once and scores both, so exam difficulty cancels out. It gives the percentile interval of the difference
 *       and a two-sided p-value of "no difference" from the bootstrap distribution shifted to the null
 *       (Efron &amp; Tibshirani 1993, §16.4): {@code p = (1 + #{b : |d*_b − d| ≥ |d|}) / (B + 1)}, where {@code d} is
 *       the observed difference and {@code d*_b} the replicates' differences; the +1 keeps p above 0.</li>
 * </ul>
 * Replicates where a condition happens to have no positive exam score it F1 = 0, as scikit-learn would.
 *
 * @param replicates resamples (at least 2)
 * @param seed       seed of the resamples
 * @param level      confidence level of the intervals, strictly between 0 and 1
 */
public record Bootstrap(int replicates, long seed, double level) {
    /** Replicates used when nothing else is asked for; enough for stable 95 % bounds at 3 decimals. */
    public static final int DEFAULT_REPLICATES = 1000;
    /** The confidence level used when nothing else is asked for. */
    public static final double DEFAULT_LEVEL = 0.95;

    /** A bootstrap of {@code replicates} resamples drawn from {@code seed}, at 95 % confidence. */
    public Bootstrap(int replicates, long seed) {
        this(replicates, seed, DEFAULT_LEVEL);
    }

    public Bootstrap {
        if (replicates < 2) {
            throw new EcgLabException("bootstrap replicates must be at least 2, got " + replicates
                    + "; use e.g. --bootstrap 1000");
        }
        if (!(level > 0 && level < 1)) {
            throw new EcgLabException("confidence level must lie strictly between 0 and 1, got " + level);
        }
    }

    /** The same bootstrap at another confidence level (e.g. 0.9). */
    public Bootstrap withLevel(double newLevel) {
        return new Bootstrap(replicates, seed, newLevel);
    }

    /** Every metric of {@code predictions} at {@code thresholds}, with its confidence interval, by name. */
    public Map<String, MetricInterval> intervals(Predictions predictions, Thresholds thresholds) {
        Decisions decisions = Decisions.of(predictions, thresholds);
        Map<String, Double> observed = decisions.metrics(ones(decisions.size())).asMap();
        Map<String, double[]> samples = emptySamples();
        forEachResample(decisions.size(), (b, weights) -> record(samples, b, decisions.metrics(weights).asMap()));
        Map<String, MetricInterval> intervals = new LinkedHashMap<>();
        for (String metric : MultiLabelMetrics.names()) {
            double[] bounds = bounds(samples.get(metric));
            intervals.put(metric, new MetricInterval(metric, observed.get(metric), bounds[0], bounds[1], level));
        }
        return intervals;
    }

    /** What to do with one resample: exam {@code i} is drawn {@code weights[i]} times (do not keep the array). */
    @FunctionalInterface
    public interface ResampleAction {
        void accept(int replicate, long[] weights);
    }

    /**
     * Draws this bootstrap's resamples of {@code exams} exams, one after another, each as multiplicities; the same
     * seed gives the same resamples, so every metric computed from them shares one set of resamples (and the
     * intervals of {@link #intervals} come from these very draws).
     */
    public void forEachResample(int exams, ResampleAction action) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] weights = new long[exams];
        for (int b = 0; b < replicates; b++) {
            resample(random, weights);
            action.accept(b, weights);
        }
    }

    /**
     * The percentile interval of {@code values} at this bootstrap's level: the {@code (1 − level)/2} and
     * {@code (1 + level)/2} quantiles, interpolated linearly between order statistics (numpy's default).
     */
    public double[] percentileBounds(double[] values) {
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return bounds(values);
    }

    /** {@link #compare(Predictions, Thresholds, Predictions, Thresholds)} with the same thresholds for both. */
    public Map<String, PairedDifference> compare(Predictions model, Predictions baseline, Thresholds thresholds) {
        return compare(model, thresholds, baseline, thresholds);
    }

    /**
     * Paired comparison of every metric, model minus baseline, on the same exams. Exams are matched by id (the order
     * may differ); both must hold the same exams with the same labels.
     */
    public Map<String, PairedDifference> compare(Predictions model, Thresholds modelThresholds,
                                                 Predictions baseline, Thresholds baselineThresholds) {
        Predictions aligned = alignTo(model, baseline);
        Decisions modelDecisions = Decisions.of(model, modelThresholds);
        Decisions baselineDecisions = Decisions.of(aligned, baselineThresholds);
        long[] weights = ones(model.size());
        Map<String, Double> modelObserved = modelDecisions.metrics(weights).asMap();
        Map<String, Double> baselineObserved = baselineDecisions.metrics(weights).asMap();
        Map<String, double[]> differences = emptySamples();
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < replicates; b++) {
            resample(random, weights);
            Map<String, Double> m = modelDecisions.metrics(weights).asMap();
            Map<String, Double> base = baselineDecisions.metrics(weights).asMap();
            for (String metric : differences.keySet()) {
                differences.get(metric)[b] = m.get(metric) - base.get(metric);
            }
        }
        Map<String, PairedDifference> result = new LinkedHashMap<>();
        for (String metric : MultiLabelMetrics.names()) {
            double observed = modelObserved.get(metric) - baselineObserved.get(metric);
            double[] replicateDifferences = differences.get(metric);
            double[] bounds = bounds(replicateDifferences);
            result.put(metric, new PairedDifference(metric, modelObserved.get(metric), baselineObserved.get(metric),
                    observed, bounds[0], bounds[1], pValue(observed, replicateDifferences), level));
        }
        return result;
    }

    /** Two-sided p-value from the bootstrap differences shifted to mean "no difference". */
    static double pValue(double observed, double[] replicateDifferences) {
        double distance = Math.abs(observed);
        long extreme = 0;
        for (double d : replicateDifferences) {
            // A small tolerance so a difference that is exactly 0 everywhere counts as "as extreme" (p = 1).
            if (Math.abs(d - observed) >= distance - 1e-12) {
                extreme++;
            }
        }
        return (1.0 + extreme) / (replicateDifferences.length + 1.0);
    }

    private double[] bounds(double[] values) {
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(values);
        double tail = (1 - level) / 2 * 100;
        return new double[] {percentile.evaluate(tail), percentile.evaluate(100 - tail)};
    }

    /** Draws N exams with replacement into multiplicities. */
    private static void resample(SplittableRandom random, long[] weights) {
        Arrays.fill(weights, 0);
        int n = weights.length;
        for (int i = 0; i < n; i++) {
            weights[random.nextInt(n)]++;
        }
    }

    private Map<String, double[]> emptySamples() {
        Map<String, double[]> samples = new LinkedHashMap<>();
        for (String metric : MultiLabelMetrics.names()) {
            samples.put(metric, new double[replicates]);
        }
        return samples;
    }

    private static void record(Map<String, double[]> samples, int replicate, Map<String, Double> values) {
        values.forEach((metric, value) -> samples.get(metric)[replicate] = value);
    }

    private static long[] ones(int n) {
        long[] weights = new long[n];
        Arrays.fill(weights, 1);
        return weights;
    }

    /** The baseline reordered to the model's exam order, after checking both hold the same exams and labels. */
    private static Predictions alignTo(Predictions model, Predictions baseline) {
        if (model.size() != baseline.size()) {
            throw new EcgLabException("paired comparison needs the same exams: the model has " + model.size()
                    + " predictions, the baseline " + baseline.size() + "; evaluate both on the same evaluation half");
        }
        Map<Long, Integer> baselineRow = new HashMap<>();
        for (int i = 0; i < baseline.size(); i++) {
            if (baselineRow.put(baseline.examIds()[i], i) != null) {
                throw new EcgLabException("exam " + baseline.examIds()[i] + " appears twice in the baseline's "
                        + "predictions; each exam must be predicted once");
            }
        }
        int n = model.size();
        long[] ids = new long[n];
        float[][] probabilities = new float[n][];
        float[][] labels = new float[n][];
        for (int i = 0; i < n; i++) {
            long id = model.examIds()[i];
            Integer row = baselineRow.remove(id);
            if (row == null) {
                throw new EcgLabException("exam " + id + " has a model prediction but no baseline prediction (or "
                        + "appears twice); evaluate both models on the same exams");
            }
            if (!Arrays.equals(model.labels()[i], baseline.labels()[row])) {
                throw new EcgLabException("exam " + id + " has different labels in the model's and the baseline's "
                        + "predictions; they must come from the same label file");
            }
            ids[i] = id;
            probabilities[i] = baseline.probabilities()[row];
            labels[i] = baseline.labels()[row];
        }
        return new Predictions(ids, probabilities, labels);
    }
}
