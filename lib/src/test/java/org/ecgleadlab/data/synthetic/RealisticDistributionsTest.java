package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.measure.Delineator;
import org.ecgleadlab.measure.ExamMeasures;
import org.ecgleadlab.measure.Measure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator's exams measured by the project's own delineation against real CODE-15%: every lead's median QRS
 * peak-to-peak within ±25 %, median >40 Hz noise within a factor 1.5, and the medians of rate, PR, QTc and frontal
 * axis inside the real interquartile range (issue 13's targets, met by generator version 2, the previous default;
 * QRS duration is not, see data/README.md). Version 3, the default, is measured by Version3RealismTest.
 *
 * <p>The real figures come from {@code ./jbang compare-data ../shared/real-ecg/code15-wfdb --names real,synthetic}
 * (300 of the 310 CODE-15% exams converted for the PhysioNet Challenge 2025, seed 1; column "real" of
 * comparison.csv), hard-coded so this test runs without the real records.
 */
class RealisticDistributionsTest {
    /** Real CODE-15% median QRS peak-to-peak, mV, leads in {@link Lead} order. */
    private static final double[] REAL_QRS_P2P = {1.506, 1.638, 1.026, 1.511, 0.995, 1.077, 1.713, 2.024, 2.622, 3.093,
        2.868, 2.208};
    /** Real CODE-15% median RMS of the 40–100 Hz band outside QRS complexes, µV. */
    private static final double[] REAL_NOISE = {5.918, 5.811, 7.748, 4.904, 6.400, 6.303, 5.220, 5.285, 5.393, 5.427,
        5.504, 5.392};

    private static List<ExamMeasures> measured;

    @BeforeAll
    static void measureGeneratedExams() {
        Delineator delineator = Delineator.forCode();
        measured = GeneratedExam.make(GeneratedExam.VERSION_2, Prevalences.defaults(), 300, 1, 20261130).stream()
                .map(exam -> delineator.measure(DelineationAccuracyTest.raw(exam.tracing())))
                .toList();
    }

    @Test
    void qrsAmplitudesOfEveryLeadAreWithinAQuarterOfRealOnes() {
        for (Lead lead : Lead.values()) {
            double ratio = median(Measure.QRS_PEAK_TO_PEAK, lead) / REAL_QRS_P2P[lead.channel()];
            assertTrue(ratio > 0.75 && ratio < 1.25, lead + " QRS peak-to-peak synthetic/real " + ratio);
        }
    }

    @Test
    void noiseAbove40HzIsWithinAFactorOneAndAHalfOfRealNoise() {
        for (Lead lead : Lead.values()) {
            double ratio = median(Measure.HIGH_FREQUENCY_NOISE, lead) / REAL_NOISE[lead.channel()];
            assertTrue(ratio > 1 / 1.5 && ratio < 1.5, lead + " >40 Hz noise synthetic/real " + ratio);
        }
    }

    @Test
    void rateIntervalsAndAxisHaveMediansInsideTheRealInterquartileRange() {
        assertInside(Measure.HEART_RATE, 61.07, 81.36);
        assertInside(Measure.PR, 146.58, 180.21);
        assertInside(Measure.QTC, 378.51, 421.79);
        assertInside(Measure.AXIS, -5.45, 56.50);
    }

    private static void assertInside(Measure measure, double q1, double q3) {
        double median = median(measured.stream().mapToDouble(m -> m.get(measure)).toArray());
        assertTrue(median >= q1 && median <= q3, measure + " median " + median + " outside the real IQR [" + q1 + ", "
                + q3 + "]");
    }

    private static double median(Measure measure, Lead lead) {
        return median(measured.stream().mapToDouble(m -> m.get(measure, lead)).toArray());
    }

    private static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
