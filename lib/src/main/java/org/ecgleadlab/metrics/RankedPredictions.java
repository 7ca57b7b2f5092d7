package org.ecgleadlab.metrics;

import java.util.Arrays;
import org.ecgleadlab.data.Condition;

/**
 * The six conditions' scores of a {@link Predictions}, each sorted once ({@link RankedScores}), so curves and
 * threshold-free metrics of the exams — or of any bootstrap resample of them — cost one pass per condition.
 */
final class RankedPredictions {
    private final RankedScores[] perCondition;
    private final int exams;

    private RankedPredictions(RankedScores[] perCondition, int exams) {
        this.perCondition = perCondition;
        this.exams = exams;
    }

    static RankedPredictions of(Predictions predictions) {
        int n = predictions.size();
        if (n == 0) {
            throw new IllegalArgumentException("ranking metrics need at least one exam");
        }
        RankedScores[] ranked = new RankedScores[Condition.COUNT];
        for (int c = 0; c < Condition.COUNT; c++) {
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = asWritten(predictions.probabilities()[i][c]);
                positive[i] = predictions.actual(i, c);
            }
            ranked[c] = RankedScores.of(scores, positive);
        }
        return new RankedPredictions(ranked, n);
    }

    /**
     * A probability as the double that reading it back from {@link PredictionsFile} gives (in Python too), so curve
     * thresholds equal scikit-learn's on that file. The order of the scores, and so every AUC and AP, is unchanged.
     */
    static double asWritten(float probability) {
        return Double.parseDouble(Float.toString(probability));
    }

    int exams() {
        return exams;
    }

    ThresholdCounts counts(Condition condition) {
        return perCondition[condition.index()].counts();
    }

    RankingMetrics metrics() {
        long[] ones = new long[exams];
        Arrays.fill(ones, 1);
        return metrics(ones);
    }

    /** AUC and AP of every condition on the multiset in which exam {@code i} occurs {@code weights[i]} times. */
    RankingMetrics metrics(long[] weights) {
        double[] auc = new double[Condition.COUNT];
        double[] ap = new double[Condition.COUNT];
        for (int c = 0; c < Condition.COUNT; c++) {
            ThresholdCounts counts = perCondition[c].counts(weights);
            auc[c] = RocCurve.of(counts).auc();
            ap[c] = PrecisionRecallCurve.of(counts).averagePrecision();
        }
        return new RankingMetrics(auc, ap);
    }
}
