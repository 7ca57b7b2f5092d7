package org.ecgleadlab.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * One class's scores sorted once, highest first, with the runs of equal scores marked, so the threshold counts of any
 * bootstrap resample (exam {@code i} counted {@code weights[i]} times) take one pass over the exams instead of a sort.
 */
final class RankedScores {
    private final int[] order;
    /** {@code runEnd[k]}: one past the last position (in {@link #order}) holding the k-th distinct score. */
    private final int[] runEnd;
    private final double[] distinct;
    private final boolean[] positive;

    private RankedScores(int[] order, int[] runEnd, double[] distinct, boolean[] positive) {
        this.order = order;
        this.runEnd = runEnd;
        this.distinct = distinct;
        this.positive = positive;
    }

    static RankedScores of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("ranking metrics need at least one exam");
        }
        for (double s : scores) {
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("a score is NaN; ranking metrics need comparable scores");
            }
        }
        int n = scores.length;
        // Highest first; compared with < and > so -0.0 ties 0.0, as numpy's diff sees them.
        int[] order = IntStream.range(0, n).boxed()
                .sorted((a, b) -> scores[a] > scores[b] ? -1 : scores[a] < scores[b] ? 1 : 0)
                .mapToInt(Integer::intValue).toArray();
        int[] runEnd = new int[n];
        double[] distinct = new double[n];
        int runs = 0;
        for (int k = 0; k < n; k++) {
            boolean last = k == n - 1 || scores[order[k + 1]] != scores[order[k]];
            if (last) {
                distinct[runs] = scores[order[k]];
                runEnd[runs++] = k + 1;
            }
        }
        return new RankedScores(order, Arrays.copyOf(runEnd, runs), Arrays.copyOf(distinct, runs), positive.clone());
    }

    /** The counts with every exam once. */
    ThresholdCounts counts() {
        long[] ones = new long[order.length];
        Arrays.fill(ones, 1);
        return counts(ones);
    }

    /**
     * The counts of the multiset in which exam {@code i} occurs {@code weights[i]} times; scores no exam of the
     * multiset has are no thresholds (as when scikit-learn is given the resampled exams).
     */
    ThresholdCounts counts(long[] weights) {
        double[] fps = new double[runEnd.length];
        double[] tps = new double[runEnd.length];
        double[] thresholds = new double[runEnd.length];
        double fp = 0;
        double tp = 0;
        int kept = 0;
        int k = 0;
        for (int run = 0; run < runEnd.length; run++) {
            long inRun = 0;
            for (; k < runEnd[run]; k++) {
                int exam = order[k];
                long w = weights[exam];
                inRun += w;
                if (positive[exam]) {
                    tp += w;
                } else {
                    fp += w;
                }
            }
            if (inRun > 0) {
                fps[kept] = fp;
                tps[kept] = tp;
                thresholds[kept++] = distinct[run];
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException("the resample holds no exam");
        }
        return new ThresholdCounts(Arrays.copyOf(fps, kept), Arrays.copyOf(tps, kept), Arrays.copyOf(thresholds, kept));
    }
}
