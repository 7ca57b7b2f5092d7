package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.measure.Delineator;
import org.ecgleadlab.measure.ExamMeasures;
import org.ecgleadlab.measure.Measure;
import org.junit.jupiter.api.Test;

/**
 * The project's delineation ({@link Delineator}) against the generator's ground truth ({@link ExamTruth}) on exams
 * with typical recording noise, one group per condition: rate within 2 /min of the generated beats, PR and QRS within
 * 20 ms (median absolute error), QT within 30 ms (the tangent method ends T earlier than the generator's lobe tail),
 * no PR in AF, and the padding, 7-s, all-zero and flat-lead rules.
 */
class DelineationAccuracyTest {
    private static final Prevalences NONE = new Prevalences(0, 0, 0, 0, 0, 0);
    private static final Delineator DELINEATOR = Delineator.forCode();
    private static final int N = 12;

    static float[] raw(float[][] tracing) {
        float[] raw = new float[tracing.length * Lead.COUNT];
        for (int t = 0; t < tracing.length; t++) {
            System.arraycopy(tracing[t], 0, raw, t * Lead.COUNT, Lead.COUNT);
        }
        return raw;
    }

    private static List<GeneratedExam> group(Condition condition) {
        return GeneratedExam.make(GeneratedExam.VERSION_2, condition == null ? NONE : NONE.with(condition, 1), N, 1, 7);
    }

    private static double trueRate(ExamTruth truth) {
        double[] on = truth.qrsOnsets();
        return 60 / ((on[on.length - 1] - on[0]) / (on.length - 1));
    }

    private static double medianAbs(List<Double> errors) {
        double[] e = errors.stream().mapToDouble(Math::abs).sorted().toArray();
        return e.length % 2 == 1 ? e[e.length / 2] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2;
    }

    @Test
    void rateAndIntervalsMatchTheGeneratorsTruthInEveryCondition() {
        List<Condition> groups = new ArrayList<>(Arrays.asList(Condition.values()));
        groups.add(null);
        for (Condition c : groups) {
            String name = c == null ? "normal" : c.toString();
            List<Double> pr = new ArrayList<>();
            List<Double> qrs = new ArrayList<>();
            List<Double> qt = new ArrayList<>();
            int prMissing = 0;
            for (GeneratedExam exam : group(c)) {
                ExamMeasures m = DELINEATOR.measure(raw(exam.tracing()));
                ExamTruth truth = exam.truth();
                if (c != Condition.AF) { // AF's irregular RR: the median RR is not the mean rate
                    assertEquals(trueRate(truth), m.get(Measure.HEART_RATE), 2, name + " heart rate");
                }
                double measuredPr = m.get(Measure.PR);
                if (c == Condition.AF) {
                    prMissing += Double.isNaN(measuredPr) ? 1 : 0;
                } else if (Double.isNaN(measuredPr)) {
                    prMissing++;
                } else {
                    pr.add(measuredPr - 1000 * truth.prInterval());
                }
                qrs.add(m.get(Measure.QRS) - 1000 * truth.qrsDuration());
                qt.add(m.get(Measure.QT) - 1000 * truth.qtInterval());
                assertEquals(0, m.get(Measure.ALL_ZERO));
            }
            if (c == Condition.AF) {
                assertTrue(prMissing >= N - 1, "AF has no P waves, yet PR was measured in " + (N - prMissing));
            } else {
                assertTrue(prMissing <= N / 4, name + ": PR missing in " + prMissing + " of " + N);
                assertTrue(medianAbs(pr) <= 20, name + " PR errors (ms) " + pr);
            }
            assertTrue(medianAbs(qrs) <= 20, name + " QRS errors (ms) " + qrs);
            assertTrue(medianAbs(qt) <= 30, name + " QT errors (ms) " + qt);
        }
    }

    @Test
    void bundleBranchBlocksAreWideAndNormalsNarrow() {
        for (Condition c : List.of(Condition.RBBB, Condition.LBBB)) {
            for (GeneratedExam exam : group(c)) {
                double qrs = DELINEATOR.measure(raw(exam.tracing())).get(Measure.QRS);
                assertTrue(qrs >= 120, c + " QRS " + qrs + " ms");
            }
        }
        for (GeneratedExam exam : group(null)) {
            double qrs = DELINEATOR.measure(raw(exam.tracing())).get(Measure.QRS);
            assertTrue(qrs < 120, "normal QRS " + qrs + " ms");
        }
    }

    @Test
    void paddingSevenSecondsAllZeroAndFlatLeadsAreRecognised() {
        GeneratedExam exam = group(null).get(0);
        float[] full = raw(exam.tracing());
        ExamMeasures ten = DELINEATOR.measure(full);
        assertEquals(0, ten.get(Measure.SEVEN_SECOND), "a 10-s exam");
        assertEquals(exam.truth().padBefore(), ten.fiducials().spanStart(), "padding before the recording");

        float[] seven = full.clone(); // keep the centred 2800 samples, as CODE stores a 7-s exam
        int from = (4096 - 2800) / 2;
        Arrays.fill(seven, 0, from * Lead.COUNT, 0f);
        Arrays.fill(seven, (from + 2800) * Lead.COUNT, seven.length, 0f);
        ExamMeasures short7 = DELINEATOR.measure(seven);
        assertEquals(1, short7.get(Measure.SEVEN_SECOND));
        assertEquals(ten.get(Measure.HEART_RATE), short7.get(Measure.HEART_RATE), 2, "same rate from 7 s");

        ExamMeasures zero = DELINEATOR.measure(new float[full.length]);
        assertEquals(1, zero.get(Measure.ALL_ZERO));
        assertEquals(0, zero.get(Measure.SEVEN_SECOND));
        assertTrue(Double.isNaN(zero.get(Measure.HEART_RATE)) && zero.fiducials() == null);

        float[] flatV1 = full.clone();
        for (int t = 0; t < 4096; t++) {
            flatV1[t * Lead.COUNT + Lead.V1.channel()] = 0f;
        }
        ExamMeasures flat = DELINEATOR.measure(flatV1);
        assertTrue(Double.isNaN(flat.get(Measure.R_AMPLITUDE, Lead.V1)), "a flat lead has no amplitudes");
        assertTrue(Double.isNaN(flat.get(Measure.RS_TRANSITION)), "no transition with V1 missing");
        assertEquals(ten.get(Measure.R_AMPLITUDE, Lead.V5), flat.get(Measure.R_AMPLITUDE, Lead.V5), 0.05);
    }

    @Test
    void amplitudesFollowTheSignalScaleAndTheAxisItsLimbLeads() {
        GeneratedExam exam = group(null).get(1);
        float[] raw = raw(exam.tracing());
        float[] doubled = raw.clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        ExamMeasures one = DELINEATOR.measure(raw);
        ExamMeasures two = DELINEATOR.measure(doubled);
        for (Lead lead : Lead.values()) {
            for (Measure m : List.of(Measure.R_AMPLITUDE, Measure.QRS_PEAK_TO_PEAK, Measure.SPAN_PEAK_TO_PEAK)) {
                assertEquals(2 * one.get(m, lead), two.get(m, lead), 1e-3 + 0.02 * one.get(m, lead), m + " " + lead);
            }
        }
        assertEquals(one.get(Measure.AXIS), two.get(Measure.AXIS), 1e-6, "the axis ignores scale");
        // swapping the sign of every lead turns the frontal axis by 180°
        float[] inverted = raw.clone();
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = -inverted[i];
        }
        double turned = DELINEATOR.measure(inverted).get(Measure.AXIS) - one.get(Measure.AXIS);
        assertEquals(180, Math.abs(turned), 1);
    }
}
