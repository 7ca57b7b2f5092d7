package org.ecgleadlab.metrics;

import java.util.Arrays;
import java.util.Locale;
import org.ecgleadlab.data.Condition;

/**
 * Decision thresholds, one per condition: an exam is predicted positive for condition {@code c} when its probability
 * is at least {@code threshold[c]} ({@code p >= t}). The paper uses 0.5 for every class ({@link #DEFAULT}); thresholds
 * tuned per class ({@link #tuneOnValidation}) must come from the validation split only, never from the exams they are
 * then evaluated on.
 */
public final class Thresholds {
    /** The paper's threshold: 0.5 for every condition. */
    public static final Thresholds DEFAULT = uniform(0.5);

    private final double[] values;
    private final String origin;

    private Thresholds(double[] values, String origin) {
        if (values.length != Condition.COUNT) {
            throw new IllegalArgumentException("need " + Condition.COUNT + " thresholds, got " + values.length);
        }
        for (double t : values) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("thresholds must lie in [0, 1], got " + Arrays.toString(values));
            }
        }
        this.values = values.clone();
        this.origin = origin;
    }

    /** The same threshold for every condition. */
    public static Thresholds uniform(double threshold) {
        double[] values = new double[Condition.COUNT];
        Arrays.fill(values, threshold);
        return new Thresholds(values, "uniform " + threshold);
    }

    /** One threshold per condition, in {@link Condition} order. */
    public static Thresholds perClass(double... thresholds) {
        return new Thresholds(thresholds, "per class " + format(thresholds));
    }

    /**
     * Per condition, the threshold that maximises F1 on the given (validation) predictions. Candidates are the
     * midpoints between consecutive distinct probabilities (and the smallest probability itself, which predicts
     * every exam positive), so the threshold sits in the gap between the last exam taken and the first left out;
     * among equally good thresholds the one closest to 0.5 wins. A condition without positive exams keeps 0.5
     * (no threshold gives it a non-zero F1).
     */
    public static Thresholds tuneOnValidation(Predictions validation) {
        double[] tuned = new double[Condition.COUNT];
        for (int c = 0; c < Condition.COUNT; c++) {
            tuned[c] = bestF1Threshold(validation, c);
        }
        return new Thresholds(tuned, "tuned for F1 on " + validation.size() + " validation exams " + format(tuned));
    }

    private static double bestF1Threshold(Predictions validation, int c) {
        int n = validation.size();
        Integer[] order = new Integer[n];
        long positives = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            positives += validation.actual(i, c) ? 1 : 0;
        }
        if (positives == 0) {
            return 0.5;
        }
        float[][] p = validation.probabilities();
        Arrays.sort(order, (a, b) -> Float.compare(p[b][c], p[a][c]));
        double bestF1 = -1;
        double bestThreshold = 0.5;
        long truePositives = 0;
        for (int k = 0; k < n; k++) {
            truePositives += validation.actual(order[k], c) ? 1 : 0;
            float here = p[order[k]][c];
            boolean lastOfTies = k == n - 1 || p[order[k + 1]][c] < here;
            if (!lastOfTies) {
                continue; // exams with equal probability are taken together
            }
            long predicted = k + 1;
            double f1 = 2.0 * truePositives / (predicted + positives);
            double threshold = k == n - 1 ? here : (here + (double) p[order[k + 1]][c]) / 2;
            boolean better = f1 > bestF1
                    || (f1 == bestF1 && Math.abs(threshold - 0.5) < Math.abs(bestThreshold - 0.5));
            if (better) {
                bestF1 = f1;
                bestThreshold = threshold;
            }
        }
        return bestThreshold;
    }

    /** The threshold of condition {@code c}. */
    public double of(int c) {
        return values[c];
    }

    /** The threshold of {@code condition}. */
    public double of(Condition condition) {
        return values[condition.index()];
    }

    /** All six thresholds (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** Whether {@code probability} counts as positive for condition {@code c}. */
    public boolean isPositive(float probability, int c) {
        return probability >= values[c];
    }

    /** How these thresholds were chosen, for provenance ("uniform 0.5", "tuned for F1 on 512 validation exams …"). */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return origin;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Thresholds t && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    private static String format(double[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int c = 0; c < values.length; c++) {
            out.append(c == 0 ? "" : ", ").append(Condition.values()[c]).append('=')
                    .append(String.format(Locale.ROOT, "%.4f", values[c]));
        }
        return out.append(']').toString();
    }
}
