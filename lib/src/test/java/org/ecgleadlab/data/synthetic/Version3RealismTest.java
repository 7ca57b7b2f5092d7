package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.measure.Delineator;
import org.ecgleadlab.measure.ExamMeasures;
import org.ecgleadlab.measure.Measure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generator version 3 measured by the project's own delineation against the real CODE-15% figures it was set from
 * ({@code ./jbang compare-data ../shared/real-ecg/code15-wfdb ...}, data/README.md): the QRS duration that version 2
 * missed, and rate, PR, QTc and axis still inside the real interquartile ranges.
 */
class Version3RealismTest {
    private static List<GeneratedExam> exams;
    private static List<ExamMeasures> measured;

    @BeforeAll
    static void measureGeneratedExams() {
        Delineator delineator = Delineator.forCode();
        exams = GeneratedExam.make(Version3Model.MODEL, Prevalences.defaults(), 200, 1, 20261206);
        measured = exams.stream().map(exam -> delineator.measure(DelineationAccuracyTest.raw(exam.tracing()))).toList();
    }

    @Test
    void medianQrsDurationIsInsideTheRealInterquartileRange() {
        // real CODE-15%: 80 ms [75, 87.5]; version 2 measured 100 ms
        double median = median(Measure.QRS);
        assertTrue(median >= 75 && median <= 87.5, "QRS median " + median);
    }

    @Test
    void rateIntervalsAndAxisHaveMediansInsideTheRealInterquartileRange() {
        assertInside(Measure.HEART_RATE, 61.07, 81.36);
        assertInside(Measure.PR, 146.58, 180.21);
        assertInside(Measure.QTC, 378.51, 421.79);
        assertInside(Measure.AXIS, -5.45, 56.50);
    }

    @Test
    void bundleBranchBlocksMeasureWide() {
        double[] blocked = values(Measure.QRS, c -> c.contains(Condition.RBBB) || c.contains(Condition.LBBB));
        assertTrue(median(blocked) >= 120, "bundle branch block QRS median " + median(blocked));
    }

    @Test
    void atrialFibrillationMeasuresIrregularAndSinusRhythmRegular() {
        // the 13 real AF records of CPSC 2018: RR variation median 0.21; its sinus records 0.03 (data/README.md)
        double af = median(values(Measure.RR_VARIATION, c -> c.contains(Condition.AF)));
        double sinus = median(values(Measure.RR_VARIATION, c -> !c.contains(Condition.AF)));
        assertTrue(af > 0.12 && af < 0.35, "AF RR variation median " + af);
        assertTrue(sinus < 0.06, "sinus RR variation median " + sinus);
    }

    private static void assertInside(Measure measure, double q1, double q3) {
        double median = median(measure);
        assertTrue(median >= q1 && median <= q3, measure + " median " + median + " outside [" + q1 + ", " + q3 + "]");
    }

    private static double[] values(Measure measure, java.util.function.Predicate<java.util.Set<Condition>> which) {
        return java.util.stream.IntStream.range(0, exams.size())
                .filter(i -> which.test(exams.get(i).spec().labels()))
                .mapToDouble(i -> measured.get(i).get(measure)).toArray();
    }

    private static double median(Measure measure) {
        return median(measured.stream().mapToDouble(m -> m.get(measure)).toArray());
    }

    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
