package org.ecgleadlab.metrics;

/**
 * The confusion matrix of one class (one condition, as a binary problem over the exams). Ratios whose denominator is
 * zero are 0, as scikit-learn's {@code zero_division=0}: a class nobody has and nobody is predicted to have scores
 * precision = recall = F1 = 0, never NaN.
 *
 * @param truePositives  labelled and predicted
 * @param falsePositives predicted, not labelled
 * @param falseNegatives labelled, not predicted
 * @param trueNegatives  neither
 */
public record ConfusionCounts(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
    public ConfusionCounts {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException("confusion counts cannot be negative");
        }
    }

    /** Exams counted. */
    public long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /** Exams labelled with the class (scikit-learn's "support"). */
    public long support() {
        return truePositives + falseNegatives;
    }

    /** TP / (TP + FP), 0 when nothing is predicted positive. */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN) (sensitivity), 0 when no exam is labelled. */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall; 0 when TP + FP + FN = 0. */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /** (TP + TN) / total, the fraction of exams this class is decided correctly for. */
    public double accuracy() {
        return ratio(truePositives + trueNegatives, total());
    }

    /** TN / (TN + FP), 0 when every exam is labelled. */
    public double specificity() {
        return ratio(trueNegatives, trueNegatives + falsePositives);
    }

    /** Element-wise sum (pooling for micro averages). */
    public ConfusionCounts plus(ConfusionCounts other) {
        return new ConfusionCounts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives, trueNegatives + other.trueNegatives);
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
