package org.ecgleadlab.metrics;

import java.util.SplittableRandom;

/** Small hand-built prediction sets shared by the metric tests. */
final class MetricsFixtures {
    private MetricsFixtures() {
    }

    /**
     * Eight exams chosen so each condition shows one case (threshold 0.5):
     * 1dAVb TP1 FP1 FN1 TN5; RBBB TP3 FP1 FN0 TN4; LBBB nobody has it, nobody predicted (TN8);
     * SB nobody has it, one predicted (FP1 TN7); AF two have it, none predicted (FN2 TN6); ST perfect (TP1 TN7).
     */
    static Predictions handComputed() {
        int[][] y = {
            {1, 1, 0, 0, 0, 0},
            {1, 1, 0, 0, 0, 0},
            {0, 1, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, 1, 0},
            {0, 0, 0, 0, 1, 0},
            {0, 0, 0, 0, 0, 1},
        };
        float[][] p = {
            {0.9f, 0.8f, 0.1f, 0.2f, 0.1f, 0.0f},
            {0.4f, 0.7f, 0.1f, 0.2f, 0.1f, 0.0f},
            {0.5f, 0.6f, 0.1f, 0.2f, 0.1f, 0.0f}, // 0.5 counts as positive (p >= t)
            {0.1f, 0.55f, 0.1f, 0.2f, 0.1f, 0.0f},
            {0.1f, 0.2f, 0.1f, 0.95f, 0.1f, 0.0f},
            {0.1f, 0.2f, 0.1f, 0.2f, 0.3f, 0.0f},
            {0.1f, 0.2f, 0.1f, 0.2f, 0.49f, 0.0f},
            {0.1f, 0.2f, 0.1f, 0.2f, 0.1f, 1.0f},
        };
        return Predictions.of(new long[] {101, 102, 103, 104, 105, 106, 107, 108}, p, y);
    }

    /**
     * {@code n} random exams: each condition present with probability {@code prevalence}; the model's decision for
     * each condition is right with probability {@code skill} (probability 0.9 if it says yes, 0.1 if no).
     */
    static Predictions simulated(int n, double prevalence, double skill, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] ids = new long[n];
        float[][] p = new float[n][6];
        float[][] y = new float[n][6];
        for (int i = 0; i < n; i++) {
            ids[i] = 1000 + i;
            for (int c = 0; c < 6; c++) {
                boolean present = random.nextDouble() < prevalence;
                boolean right = random.nextDouble() < skill;
                y[i][c] = present ? 1 : 0;
                p[i][c] = (present == right) ? 0.9f : 0.1f;
            }
        }
        return new Predictions(ids, p, y);
    }
}
