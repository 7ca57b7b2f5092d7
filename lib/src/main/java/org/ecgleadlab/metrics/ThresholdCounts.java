package org.ecgleadlab.metrics;

/**
 * Cumulative counts at every distinct score, highest first — scikit-learn's {@code _binary_clf_curve}: at threshold
 * {@code thresholds[k]} (predict positive when {@code score >= thresholds[k]}) there are {@code truePositives[k]} true
 * and {@code falsePositives[k]} false positives. Exams with equal scores enter together, which is how ties are handled.
 * Counts are doubles, as in scikit-learn, and are whole numbers here (exams, or exams counted several times).
 *
 * @param falsePositives non-decreasing
 * @param truePositives  non-decreasing
 * @param thresholds     the distinct scores, strictly decreasing
 */
public record ThresholdCounts(double[] falsePositives, double[] truePositives, double[] thresholds) {
    public ThresholdCounts {
        if (falsePositives.length != truePositives.length || truePositives.length != thresholds.length) {
            throw new IllegalArgumentException("threshold counts need equal lengths: " + falsePositives.length + ", "
                    + truePositives.length + ", " + thresholds.length);
        }
        if (thresholds.length == 0) {
            throw new IllegalArgumentException("threshold counts need at least one exam");
        }
    }

    /** The counts of {@code scores} against {@code positive} (one per exam, equal lengths). */
    public static ThresholdCounts of(double[] scores, boolean[] positive) {
        return RankedScores.of(scores, positive).counts();
    }

    /** Distinct thresholds. */
    public int size() {
        return thresholds.length;
    }

    /** Exams labelled positive. */
    public double positives() {
        return truePositives[size() - 1];
    }

    /** Exams labelled negative. */
    public double negatives() {
        return falsePositives[size() - 1];
    }
}
