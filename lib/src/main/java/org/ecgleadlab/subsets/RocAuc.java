package org.ecgleadlab.subsets;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Area under the ROC curve of one condition, as scikit-learn's {@code roc_auc_score} defines it: the probability that
 * a random positive exam scores above a random negative one, ties counting one half (Mann–Whitney U / (P·N)). The
 * exams are sorted once; each bootstrap resample (exam {@code i} counted {@code weights[i]} times) then costs one pass.
 *
 * <p>Why not {@link org.ecgleadlab.metrics.RocCurve} on the resample's threshold counts, as {@code evaluate} does: the
 * two are the same number in exact arithmetic but not in floating point. The curve sums trapezoids of rates (numpy's
 * pairwise sum), this class divides one pair count, and they differ in the last bit on about a third of weighted
 * resamples ({@code RocAucTest}); the search's intervals are made of these replicates, so swapping would change its
 * outputs. The curve also builds three arrays and drops intermediate points per resample, several times the cost of
 * this pass, which runs once per condition, resample and subset (millions of times in a search).
 */
final class RocAuc {
    private final int[] ascending;
    private final float[] scores;
    private final boolean[] positive;

    /** Prepares {@code scores} (higher = more likely positive) and their 0/1 {@code positive} labels. */
    RocAuc(float[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
        this.scores = scores;
        this.positive = positive;
        this.ascending = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble(i -> scores[i])).mapToInt(Integer::intValue).toArray();
    }

    /** The AUC on every exam once; NaN when there is no positive or no negative exam. */
    double auc() {
        long[] ones = new long[scores.length];
        Arrays.fill(ones, 1);
        return auc(ones);
    }

    /** The AUC of the multiset in which exam {@code i} occurs {@code weights[i]} times; NaN without both classes. */
    double auc(long[] weights) {
        double pairsAbove = 0;
        double negativesBelow = 0;
        double positives = 0;
        int k = 0;
        while (k < ascending.length) {
            float tied = scores[ascending[k]];
            double groupPositives = 0;
            double groupNegatives = 0;
            for (; k < ascending.length && scores[ascending[k]] == tied; k++) {
                int exam = ascending[k];
                if (positive[exam]) {
                    groupPositives += weights[exam];
                } else {
                    groupNegatives += weights[exam];
                }
            }
            pairsAbove += groupPositives * (negativesBelow + 0.5 * groupNegatives);
            negativesBelow += groupNegatives;
            positives += groupPositives;
        }
        double pairs = positives * negativesBelow;
        return pairs == 0 ? Double.NaN : pairsAbove / pairs;
    }
}
