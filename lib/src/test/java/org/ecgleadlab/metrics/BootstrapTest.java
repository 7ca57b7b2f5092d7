package org.ecgleadlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final Predictions DATA = MetricsFixtures.simulated(400, 0.2, 0.85, 11);

    @Test
    void sameSeedSameIntervalsOtherSeedOtherIntervals() {
        Map<String, MetricInterval> first = new Bootstrap(200, 7).intervals(DATA, Thresholds.DEFAULT);
        Map<String, MetricInterval> again = new Bootstrap(200, 7).intervals(DATA, Thresholds.DEFAULT);
        Map<String, MetricInterval> other = new Bootstrap(200, 8).intervals(DATA, Thresholds.DEFAULT);
        assertEquals(first, again);
        assertNotEquals(first.get(MultiLabelMetrics.MACRO_F1), other.get(MultiLabelMetrics.MACRO_F1));
    }

    @Test
    void everyMetricGetsAnIntervalAroundItsEstimate() {
        Map<String, MetricInterval> intervals = new Bootstrap(300, 1).intervals(DATA, Thresholds.DEFAULT);
        Map<String, Double> observed = MultiLabelMetrics.of(DATA).asMap();
        assertEquals(MultiLabelMetrics.names(), List.copyOf(intervals.keySet()));
        for (MetricInterval interval : intervals.values()) {
            assertEquals(observed.get(interval.metric()), interval.estimate(), 0.0);
            assertTrue(interval.lower() <= interval.estimate() && interval.estimate() <= interval.upper(),
                    interval.metric() + " " + interval.format(3));
            assertTrue(interval.upper() - interval.lower() < 0.25, interval.metric() + " " + interval.format(3));
            assertTrue(interval.lower() < interval.upper(), interval.metric());
        }
        MetricInterval narrower = new Bootstrap(300, 1).withLevel(0.5).intervals(DATA, Thresholds.DEFAULT)
                .get(MultiLabelMetrics.MACRO_F1);
        assertTrue(narrower.halfWidth() < intervals.get(MultiLabelMetrics.MACRO_F1).halfWidth());
    }

    @Test
    void ninetyFivePercentIntervalsCoverTheTrueValueAboutNinetyFivePercentOfTheTime() {
        // Recall and per-condition accuracy of the simulated model are 0.85 in the population by construction.
        int covered = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            Predictions sample = MetricsFixtures.simulated(300, 0.3, 0.85, 1000 + t);
            Map<String, MetricInterval> intervals = new Bootstrap(200, t).intervals(sample, Thresholds.DEFAULT);
            covered += intervals.get(MultiLabelMetrics.MACRO_ACCURACY).contains(0.85) ? 1 : 0;
        }
        double coverage = (double) covered / trials;
        assertTrue(coverage > 0.88 && coverage < 0.995, "coverage " + coverage);
    }

    @Test
    void pairedTestFindsARealDifferenceAndNotAFakeOne() {
        Predictions strong = MetricsFixtures.simulated(500, 0.2, 0.95, 3);
        Predictions weak = degrade(strong, 0.25, 4);
        Bootstrap bootstrap = new Bootstrap(500, 9);

        PairedDifference real = bootstrap.compare(weak, strong, Thresholds.DEFAULT).get(MultiLabelMetrics.MACRO_F1);
        assertTrue(real.difference() < 0 && real.upper() < 0, real.format(3));
        assertTrue(real.pValue() < 0.01, real.format(3));
        assertEquals(real.model() - real.baseline(), real.difference(), 1e-12);

        PairedDifference none = bootstrap.compare(strong, strong, Thresholds.DEFAULT).get(MultiLabelMetrics.MACRO_F1);
        assertEquals(0.0, none.difference(), 0.0);
        assertEquals(1.0, none.pValue(), 0.0);
        assertTrue(!none.isSignificant(0.05));
    }

    @Test
    void pairedTestMatchesExamsByIdWhateverTheOrder() {
        Predictions model = MetricsFixtures.simulated(100, 0.3, 0.9, 21);
        Predictions shuffled = reversed(model);
        PairedDifference d = new Bootstrap(100, 2).compare(model, shuffled, Thresholds.DEFAULT)
                .get(MultiLabelMetrics.MACRO_F1);
        assertEquals(0.0, d.difference(), 0.0);
        assertEquals(0.0, d.lower(), 0.0);
        assertEquals(0.0, d.upper(), 0.0);
    }

    @Test
    void pairedTestRejectsDifferentExams() {
        Predictions a = MetricsFixtures.simulated(50, 0.3, 0.9, 1);
        Predictions b = MetricsFixtures.simulated(49, 0.3, 0.9, 1);
        assertThrows(EcgLabException.class, () -> new Bootstrap(10, 1).compare(a, b, Thresholds.DEFAULT));
        Predictions otherLabels = MetricsFixtures.simulated(50, 0.3, 0.9, 2);
        EcgLabException e = assertThrows(EcgLabException.class,
                () -> new Bootstrap(10, 1).compare(a, otherLabels, Thresholds.DEFAULT));
        assertTrue(e.getMessage().contains("labels"), e.getMessage());
        assertThrows(EcgLabException.class, () -> new Bootstrap(1, 1));
    }

    @Test
    void pValueFormula() {
        // Observed +0.02; replicates centred on it; two of four are at least 0.02 away from it.
        assertEquals(3.0 / 5, Bootstrap.pValue(0.02, new double[] {0.0, 0.02, 0.045, 0.021}), 1e-12);
        assertEquals(1.0 / 5, Bootstrap.pValue(0.02, new double[] {0.02, 0.021, 0.019, 0.025}), 1e-12);
    }

    /** Flips each decision of {@code p} with probability {@code rate} (same exams, same labels). */
    private static Predictions degrade(Predictions p, double rate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] probabilities = new float[p.size()][6];
        for (int i = 0; i < p.size(); i++) {
            for (int c = 0; c < 6; c++) {
                float original = p.probabilities()[i][c];
                probabilities[i][c] = random.nextDouble() < rate ? 1 - original : original;
            }
        }
        return new Predictions(p.examIds(), probabilities, p.labels());
    }

    private static Predictions reversed(Predictions p) {
        int n = p.size();
        long[] ids = new long[n];
        float[][] probabilities = new float[n][];
        float[][] labels = new float[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = p.examIds()[n - 1 - i];
            probabilities[i] = p.probabilities()[n - 1 - i];
            labels[i] = p.labels()[n - 1 - i];
        }
        return new Predictions(ids, probabilities, labels);
    }
}
