package org.ecgleadlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ecgleadlab.data.Condition;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    @Test
    void defaultIsOneHalfAndInclusive() {
        assertEquals(0.5, Thresholds.DEFAULT.of(Condition.AF));
        assertTrue(Thresholds.DEFAULT.isPositive(0.5f, 0));
        assertTrue(!Thresholds.DEFAULT.isPositive(0.4999f, 0));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.perClass(0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.uniform(1.5));
    }

    @Test
    void tuningPutsTheThresholdInTheGapThatMaximisesF1() {
        // 1dAVb: positives at 0.30 and 0.25, negatives at 0.20 and below: the best cut lies between 0.25 and 0.20.
        float[][] p = new float[6][6];
        float[][] y = new float[6][6];
        float[] scores = {0.30f, 0.25f, 0.20f, 0.10f, 0.05f, 0.01f};
        for (int i = 0; i < 6; i++) {
            p[i][0] = scores[i];
            y[i][0] = i < 2 ? 1 : 0;
            p[i][1] = 0.9f; // RBBB: every exam scored high, nobody has it -> no F1 possible, keeps 0.5
        }
        Thresholds tuned = Thresholds.tuneOnValidation(Predictions.numbered(p, y));
        assertEquals(0.225, tuned.of(Condition.AVB1), 1e-6);
        assertEquals(0.5, tuned.of(Condition.RBBB));
        assertEquals(1.0, MultiLabelMetrics.of(Predictions.numbered(p, y), tuned).f1(Condition.AVB1), 1e-12);
        assertTrue(tuned.origin().startsWith("tuned for F1 on 6 validation exams"), tuned.origin());
    }

    @Test
    void tunedThresholdsNeverLowerValidationF1BelowTheDefault() {
        Predictions validation = MetricsFixtures.simulated(300, 0.2, 0.85, 5);
        MultiLabelMetrics atHalf = MultiLabelMetrics.of(validation);
        MultiLabelMetrics tuned = MultiLabelMetrics.of(validation, Thresholds.tuneOnValidation(validation));
        for (Condition c : Condition.values()) {
            assertTrue(tuned.f1(c) >= atHalf.f1(c) - 1e-12, c.column());
        }
    }

    @Test
    void tiedProbabilitiesAreTakenTogether() {
        // Two exams share 0.6 (one positive, one negative): no threshold can separate them.
        float[][] p = new float[3][6];
        float[][] y = new float[3][6];
        p[0][0] = 0.6f;
        p[1][0] = 0.6f;
        p[2][0] = 0.1f;
        y[0][0] = 1;
        Thresholds tuned = Thresholds.tuneOnValidation(Predictions.numbered(p, y));
        assertEquals(0.35, tuned.of(Condition.AVB1), 1e-6);
    }
}
