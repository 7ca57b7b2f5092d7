package org.ecgleadlab.metrics;

import org.ecgleadlab.data.Condition;

/**
 * Thresholded predictions and labels packed as six-bit masks per exam, so metrics of a resample (exam {@code i}
 * counted {@code weights[i]} times) cost one pass over the exams — the inner loop of the bootstrap, here and in
 * {@code subset-search}, which scores many lead sets on the same resamples.
 */
public final class Decisions {
    private final int[] predicted;
    private final int[] actual;

    private Decisions(int[] predicted, int[] actual) {
        this.predicted = predicted;
        this.actual = actual;
    }

    /** The decisions of {@code predictions} at {@code thresholds}. */
    public static Decisions of(Predictions predictions, Thresholds thresholds) {
        int n = predictions.size();
        int[] predicted = new int[n];
        int[] actual = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < Condition.COUNT; c++) {
                if (predictions.predicted(i, c, thresholds)) {
                    predicted[i] |= 1 << c;
                }
                if (predictions.actual(i, c)) {
                    actual[i] |= 1 << c;
                }
            }
        }
        return new Decisions(predicted, actual);
    }

    /** Exams decided. */
    public int size() {
        return predicted.length;
    }

    /** Metrics of the multiset in which exam {@code i} occurs {@code weights[i]} times. */
    public MultiLabelMetrics metrics(long[] weights) {
        long[] tp = new long[Condition.COUNT];
        long[] fp = new long[Condition.COUNT];
        long[] fn = new long[Condition.COUNT];
        long exams = 0;
        long exact = 0;
        for (int i = 0; i < predicted.length; i++) {
            long w = weights[i];
            if (w == 0) {
                continue;
            }
            exams += w;
            int p = predicted[i];
            int a = actual[i];
            if (p == a) {
                exact += w;
            }
            for (int c = 0; c < Condition.COUNT; c++) {
                int bit = 1 << c;
                if ((p & bit) != 0) {
                    if ((a & bit) != 0) {
                        tp[c] += w;
                    } else {
                        fp[c] += w;
                    }
                } else if ((a & bit) != 0) {
                    fn[c] += w;
                }
            }
        }
        ConfusionCounts[] counts = new ConfusionCounts[Condition.COUNT];
        for (int c = 0; c < Condition.COUNT; c++) {
            counts[c] = new ConfusionCounts(tp[c], fp[c], fn[c], exams - tp[c] - fp[c] - fn[c]);
        }
        return MultiLabelMetrics.fromCounts(counts, exact, exams);
    }
}
