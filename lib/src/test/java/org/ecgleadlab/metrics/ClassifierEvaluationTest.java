package org.ecgleadlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Condition;
import org.junit.jupiter.api.Test;

/** The evaluation behind {@code jbang evaluate}: values, undefined classes, and the shared bootstrap. */
class ClassifierEvaluationTest {
    @Test
    void perConditionAucAndAveragePrecisionEqualScikitLearnAndUndefinedClassesAreNaN() {
        // For MetricsFixtures.handComputed() as numpy arrays y, p (probabilities as written, e.g. 0.55):
        // roc_auc_score(y[:, c], p[:, c]) and average_precision_score(y[:, c], p[:, c]) for c in 0, 1, 4, 5;
        // roc_auc_score(y[:, d], p[:, d], average='macro') with d = [0, 1, 4, 5] (LBBB and SB have no positives).
        ClassifierEvaluation e = ClassifierEvaluation.of(MetricsFixtures.handComputed(), Thresholds.DEFAULT,
                new Bootstrap(200, 1));
        RankingMetrics r = e.ranking();
        assertEquals(0.9166666666666667, r.auc(Condition.AVB1), 0);
        assertEquals(0.8333333333333333, r.averagePrecision(Condition.AVB1), 0);
        for (Condition c : List.of(Condition.RBBB, Condition.AF, Condition.ST)) {
            assertEquals(1.0, r.auc(c), 0, c.column());
            assertEquals(1.0, r.averagePrecision(c), 0, c.column());
        }
        assertEquals(0.9791666666666667, r.macroAuc(), 0);
        assertEquals(0.9583333333333333, r.macroAveragePrecision(), 0);
        assertEquals(List.of(Condition.AVB1, Condition.RBBB, Condition.AF, Condition.ST), r.macroAucConditions());
        for (Condition c : List.of(Condition.LBBB, Condition.SB)) {
            BootstrapInterval auc = e.interval(RankingMetrics.aucKey(c));
            assertTrue(Double.isNaN(auc.estimate()), c.column());
            assertEquals("n/a", auc.format(3));
            assertEquals(0, auc.used());
            assertEquals(200, auc.skipped());
            assertEquals("n/a", e.interval(RankingMetrics.averagePrecisionKey(c)).format(3));
        }
        assertEquals(new ConfusionCounts(1, 1, 1, 5), e.counts(Condition.AVB1));
    }

    @Test
    void everyIntervalContainsItsEstimateAndTheSameSeedGivesTheSameIntervals() {
        Predictions p = MetricsFixtures.simulated(400, 0.2, 0.85, 5);
        ClassifierEvaluation first = ClassifierEvaluation.of(p, Thresholds.DEFAULT, new Bootstrap(300, 11));
        ClassifierEvaluation again = ClassifierEvaluation.of(p, Thresholds.DEFAULT, new Bootstrap(300, 11));
        ClassifierEvaluation other = ClassifierEvaluation.of(p, Thresholds.DEFAULT, new Bootstrap(300, 12));
        assertEquals(first.intervals(), again.intervals());
        assertNotEquals(first.intervals(), other.intervals());
        for (BootstrapInterval interval : first.intervals().values()) {
            assertTrue(interval.contains(interval.estimate()), interval.toString());
            assertTrue(interval.upper() > interval.lower(), interval.toString());
            assertEquals(300, interval.used() + interval.skipped());
        }
        assertTrue(first.partlySkipped().isEmpty(), "every condition has positives and negatives in every resample");
    }

    @Test
    void thresholdMetricsShareTheResamplesOfBootstrapIntervals() {
        Predictions p = MetricsFixtures.simulated(250, 0.15, 0.8, 9);
        Bootstrap bootstrap = new Bootstrap(200, 4);
        ClassifierEvaluation e = ClassifierEvaluation.of(p, Thresholds.DEFAULT, bootstrap);
        Map<String, MetricInterval> reference = bootstrap.intervals(p, Thresholds.DEFAULT);
        reference.forEach((name, expected) -> {
            BootstrapInterval actual = e.interval(name);
            assertEquals(expected.estimate(), actual.estimate(), 0, name);
            assertEquals(expected.lower(), actual.lower(), 0, name);
            assertEquals(expected.upper(), actual.upper(), 0, name);
        });
    }

    /** A condition with one positive in 30 exams: resamples that miss it have no AUC; they are skipped and counted. */
    @Test
    void resamplesWhereAConditionIsUndefinedAreSkippedAndCounted() {
        int n = 30;
        float[][] probabilities = new float[n][6];
        float[][] labels = new float[n][6];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 6; c++) {
                labels[i][c] = i % 2 == 0 ? 1 : 0;
                probabilities[i][c] = (i % 7) / 7f;
            }
            labels[i][Condition.LBBB.index()] = i == 3 ? 1 : 0;
        }
        Predictions p = Predictions.numbered(probabilities, labels);
        Bootstrap bootstrap = new Bootstrap(500, 2);
        int[] missing = {0};
        bootstrap.forEachResample(n, (b, weights) -> missing[0] += weights[3] == 0 ? 1 : 0);
        ClassifierEvaluation e = ClassifierEvaluation.of(p, Thresholds.DEFAULT, bootstrap);
        BootstrapInterval lbbb = e.interval(RankingMetrics.aucKey(Condition.LBBB));
        assertTrue(missing[0] > 100, "about (29/30)^30 = 36 % of resamples miss exam 3: " + missing[0]);
        assertEquals(missing[0], lbbb.skipped());
        assertEquals(500 - missing[0], lbbb.used());
        assertEquals(missing[0], e.interval(RankingMetrics.averagePrecisionKey(Condition.LBBB)).skipped());
        // the macro AUC averages all six conditions, so it is skipped exactly where LBBB is undefined
        assertEquals(missing[0], e.interval(RankingMetrics.MACRO_AUC).skipped());
        assertEquals(0, e.interval(MultiLabelMetrics.MACRO_F1).skipped());
        assertEquals(List.of(RankingMetrics.aucKey(Condition.LBBB), RankingMetrics.averagePrecisionKey(Condition.LBBB),
                RankingMetrics.MACRO_AUC, RankingMetrics.MACRO_AP),
                e.partlySkipped().stream().map(BootstrapInterval::metric).toList());
    }
}
