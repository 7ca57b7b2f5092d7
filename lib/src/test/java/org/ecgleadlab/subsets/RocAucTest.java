package org.ecgleadlab.subsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RocAucTest {
    private static final boolean[] LABELS = {false, false, true, true, false, true, false, true, true, false};
    private static final float[] SCORES = {0.1f, 0.4f, 0.35f, 0.8f, 0.4f, 0.4f, 0.2f, 0.9f, 0.05f, 0.6f};

    @Test
    void matchesScikitLearnWithTiesAndSampleWeights() {
        // sklearn.metrics.roc_auc_score(y, s) and roc_auc_score(y, s, sample_weight=w) on these values (sklearn 1.2).
        RocAuc auc = new RocAuc(SCORES, LABELS);
        assertEquals(0.6, auc.auc(), 1e-12);
        assertEquals(0.7125, auc.auc(new int[] {1, 2, 0, 1, 3, 1, 1, 2, 1, 1}), 1e-12);
        double[] scores = new double[SCORES.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = SCORES[i];
        }
        assertEquals(org.ecgleadlab.metrics.RocCurve.of(scores, LABELS).auc(), auc.auc(), 1e-12,
                "the same as the metrics package's ROC curve");
    }

    @Test
    void perfectReversedAndOneClassScores() {
        boolean[] labels = {false, false, true, true};
        assertEquals(1.0, new RocAuc(new float[] {0.1f, 0.2f, 0.8f, 0.9f}, labels).auc());
        assertEquals(0.0, new RocAuc(new float[] {0.9f, 0.8f, 0.2f, 0.1f}, labels).auc());
        assertEquals(0.5, new RocAuc(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, labels).auc());
        assertTrue(Double.isNaN(new RocAuc(new float[] {0.1f, 0.2f}, new boolean[] {true, true}).auc()));
        assertTrue(Double.isNaN(new RocAuc(SCORES, LABELS).auc(new int[] {0, 0, 1, 1, 0, 1, 0, 1, 1, 0})),
                "a resample without negative exams has no AUC");
    }
}
