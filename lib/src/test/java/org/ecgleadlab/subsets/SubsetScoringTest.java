package org.ecgleadlab.subsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.metrics.Bootstrap;
import org.ecgleadlab.metrics.MetricInterval;
import org.ecgleadlab.metrics.MultiLabelMetrics;
import org.ecgleadlab.metrics.PairedDifference;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.Thresholds;
import org.junit.jupiter.api.Test;

/** The shared-resample scoring gives exactly what metrics/Bootstrap gives for the same seed, plus ROC AUC. */
class SubsetScoringTest {
    private static final int EXAMS = 150;
    private static final long SEED = 4;

    @Test
    void macroAndPerClassF1IntervalsAndPairedTestsEqualThoseOfTheMetricsBootstrap() {
        Random random = new Random(9);
        long[] ids = new long[EXAMS];
        float[][] labels = new float[EXAMS][Condition.COUNT];
        for (int e = 0; e < EXAMS; e++) {
            ids[e] = 1000 + e;
            for (int c = 0; c < Condition.COUNT; c++) {
                labels[e][c] = random.nextDouble() < 0.2 ? 1 : 0;
            }
        }
        float[][] good = noisy(labels, 0.4, random); // classes overlap a little, so AUC < 1
        float[][] poor = noisy(labels, 0.6, random);
        SubsetScoring scoring = new SubsetScoring(ids, labels, 0.5, 300, SEED);
        SubsetScore a = scoring.score(LeadSet.parse("I+V1"), good);
        SubsetScore b = scoring.score(LeadSet.parse("III"), poor);

        Bootstrap bootstrap = new Bootstrap(300, SEED);
        Predictions predictions = new Predictions(ids, good, labels);
        Map<String, MetricInterval> expected = bootstrap.intervals(predictions, Thresholds.uniform(0.5));
        assertInterval(expected.get(MultiLabelMetrics.MACRO_F1), a.macroF1());
        for (Condition c : Condition.values()) {
            assertInterval(expected.get(MultiLabelMetrics.f1Key(c)), a.f1PerClass()[c.index()]);
        }
        PairedDifference paired = scoring.paired(a, b);
        PairedDifference reference = bootstrap.compare(predictions, new Predictions(ids, poor, labels),
                Thresholds.uniform(0.5)).get(MultiLabelMetrics.MACRO_F1);
        assertEquals(reference.difference(), paired.difference(), 1e-12);
        assertEquals(reference.lower(), paired.lower(), 1e-12);
        assertEquals(reference.upper(), paired.upper(), 1e-12);
        assertEquals(reference.pValue(), paired.pValue(), 1e-12);
        assertTrue(paired.difference() > 0 && paired.pValue() < 0.05, "the better set wins: " + paired);
        assertEquals(1.0, scoring.paired(a, a).pValue(), "a set against itself");

        double meanAuc = 0;
        for (Condition c : Condition.values()) {
            float[] scores = new float[EXAMS];
            boolean[] truth = new boolean[EXAMS];
            for (int e = 0; e < EXAMS; e++) {
                scores[e] = good[e][c.index()];
                truth[e] = labels[e][c.index()] == 1;
            }
            meanAuc += new RocAuc(scores, truth).auc() / Condition.COUNT;
        }
        assertEquals(meanAuc, a.macroAuc().estimate(), 1e-12);
        assertTrue(a.macroAuc().lower() <= a.macroAuc().estimate() && a.macroAuc().estimate() <= a.macroAuc().upper()
                && a.macroAuc().lower() < a.macroAuc().upper(), "AUC interval " + a.macroAuc());
        assertTrue(a.macroAuc().estimate() > b.macroAuc().estimate());
    }

    private static void assertInterval(MetricInterval expected, MetricInterval actual) {
        assertEquals(expected.estimate(), actual.estimate(), 1e-12, expected.metric());
        assertEquals(expected.lower(), actual.lower(), 1e-12, expected.metric());
        assertEquals(expected.upper(), actual.upper(), 1e-12, expected.metric());
    }

    /** Probabilities near the label, off by noise of width {@code noise}. */
    private static float[][] noisy(float[][] labels, double noise, Random random) {
        float[][] p = new float[labels.length][Condition.COUNT];
        for (int e = 0; e < labels.length; e++) {
            for (int c = 0; c < Condition.COUNT; c++) {
                double value = labels[e][c] * 0.7 + 0.15 + (random.nextDouble() * 2 - 1) * noise;
                p[e][c] = (float) Math.min(1, Math.max(0, value));
            }
        }
        return p;
    }
}
