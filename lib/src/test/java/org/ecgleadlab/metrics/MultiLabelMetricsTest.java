package org.ecgleadlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

/**
 * Expected numbers are worked out by hand in {@link MetricsFixtures#handComputed()} and agree with scikit-learn 1.2
 * ({@code precision_recall_fscore_support(y, y_pred, zero_division=0)}, {@code f1_score(..., average='macro'|'micro',
 * zero_division=0)}, {@code 1 - hamming_loss}, {@code accuracy_score}).
 */
class MultiLabelMetricsTest {
    private static final double EPS = 1e-12;
    private final MultiLabelMetrics m = MultiLabelMetrics.of(MetricsFixtures.handComputed());

    @Test
    void perConditionCounts() {
        assertEquals(new ConfusionCounts(1, 1, 1, 5), m.counts(Condition.AVB1));
        assertEquals(new ConfusionCounts(3, 1, 0, 4), m.counts(Condition.RBBB));
        assertEquals(new ConfusionCounts(0, 0, 0, 8), m.counts(Condition.LBBB));
        assertEquals(new ConfusionCounts(0, 1, 0, 7), m.counts(Condition.SB));
        assertEquals(new ConfusionCounts(0, 0, 2, 6), m.counts(Condition.AF));
        assertEquals(new ConfusionCounts(1, 0, 0, 7), m.counts(Condition.ST));
        assertEquals(8, m.exams());
        assertEquals(3, m.support(Condition.RBBB));
        assertEquals(0, m.support(Condition.LBBB));
    }

    @Test
    void perConditionValues() {
        assertEquals(0.5, m.precision(Condition.AVB1), EPS);
        assertEquals(0.5, m.recall(Condition.AVB1), EPS);
        assertEquals(0.5, m.f1(Condition.AVB1), EPS);
        assertEquals(0.75, m.accuracy(Condition.AVB1), EPS);
        assertEquals(0.75, m.precision(Condition.RBBB), EPS);
        assertEquals(1.0, m.recall(Condition.RBBB), EPS);
        assertEquals(6.0 / 7, m.f1(Condition.RBBB), EPS);
        assertEquals(7.0 / 8, m.accuracy(Condition.RBBB), EPS);
        assertEquals(1.0, m.f1(Condition.ST), EPS);
    }

    @Test
    void conditionsWithoutPositivesScoreZeroNotNaN() {
        // LBBB: no positives, none predicted; SB: no positives, one false alarm; AF: missed every positive.
        for (Condition c : new Condition[] {Condition.LBBB, Condition.SB, Condition.AF}) {
            assertEquals(0.0, m.precision(c), 0.0, c.column());
            assertEquals(0.0, m.recall(c), 0.0, c.column());
            assertEquals(0.0, m.f1(c), 0.0, c.column());
        }
        assertEquals(1.0, m.accuracy(Condition.LBBB), EPS);
        for (Map.Entry<String, Double> e : m.asMap().entrySet()) {
            assertFalse(e.getValue().isNaN(), e.getKey());
        }
    }

    @Test
    void macroMicroAndSubsetAverages() {
        assertEquals((0.5 + 6.0 / 7 + 0 + 0 + 0 + 1) / 6, m.macroF1(), EPS);
        assertEquals((0.5 + 0.75 + 1) / 6, m.macroPrecision(), EPS);
        assertEquals((0.5 + 1 + 1) / 6, m.macroRecall(), EPS);
        assertEquals((0.75 + 0.875 + 1 + 0.875 + 0.75 + 1) / 6, m.macroAccuracy(), EPS);
        assertEquals(5.0 / 8, m.microPrecision(), EPS);
        assertEquals(5.0 / 8, m.microRecall(), EPS);
        assertEquals(0.625, m.microF1(), EPS);
        assertEquals(2.0 / 8, m.subsetAccuracy(), EPS);
    }

    @Test
    void numbersAgreeWithScikitLearn() {
        // Printed by scikit-learn 1.2.1 (Debian python3-sklearn) for the same y_true / y_pred.
        assertEquals(0.39285714285714285, m.macroF1(), EPS);
        assertEquals(0.375, m.macroPrecision(), EPS);
        assertEquals(0.41666666666666669, m.macroRecall(), EPS);
        assertEquals(0.875, m.macroAccuracy(), EPS);
        assertEquals(0.625, m.microF1(), EPS);
        assertEquals(0.25, m.subsetAccuracy(), EPS);
    }

    @Test
    void asMapHasEveryNameInOrder() {
        assertEquals(MultiLabelMetrics.names(), List.copyOf(m.asMap().keySet()));
        assertEquals(32, MultiLabelMetrics.names().size());
        assertEquals(6.0 / 7, m.asMap().get("f1_RBBB"), EPS);
        assertEquals(m.macroF1(), m.asMap().get(MultiLabelMetrics.MACRO_F1), EPS);
    }

    @Test
    void perClassThresholdsChangeTheDecisions() {
        // Raising the 1dAVb threshold to 0.6 drops the false positive at 0.5 (and keeps the true one at 0.9).
        Thresholds stricter = Thresholds.perClass(0.6, 0.5, 0.5, 0.5, 0.5, 0.5);
        MultiLabelMetrics strict = MultiLabelMetrics.of(MetricsFixtures.handComputed(), stricter);
        assertEquals(new ConfusionCounts(1, 0, 1, 6), strict.counts(Condition.AVB1));
        assertEquals(2.0 / 3, strict.f1(Condition.AVB1), EPS);
    }

    @Test
    void badPredictionsAreRejectedWithTheExamId() {
        float[][] logits = {{2.5f, 0, 0, 0, 0, 0}};
        float[][] labels = {{1, 0, 0, 0, 0, 0}};
        EcgLabException e = assertThrows(EcgLabException.class,
                () -> new Predictions(new long[] {42}, logits, labels));
        assertTrue(e.getMessage().contains("exam 42") && e.getMessage().contains("1dAVb"), e.getMessage());
        assertThrows(EcgLabException.class,
                () -> new Predictions(new long[] {42}, new float[][] {{0, 0, 0}}, labels));
        assertThrows(EcgLabException.class, () -> new Predictions(new long[] {42},
                new float[][] {{0, 0, 0, 0, 0, 0}}, new float[][] {{0.5f, 0, 0, 0, 0, 0}}));
    }

    @Test
    void countsMustBeConsistent() {
        ConfusionCounts eight = new ConfusionCounts(1, 1, 1, 5);
        ConfusionCounts seven = new ConfusionCounts(1, 1, 1, 4);
        ConfusionCounts[] mixed = {eight, eight, eight, eight, eight, seven};
        assertThrows(IllegalArgumentException.class, () -> MultiLabelMetrics.fromCounts(mixed, 2, 8));
    }
}
