package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.junit.jupiter.api.Test;

/**
 * Each condition shows its defining physiology, measured on clean generated exams: rates and RR regularity
 * from R peaks detected in the signal, P-wave and QRS intervals from the generator's fiducials and from the
 * signal, and the bundle-branch-block morphologies in V1, I and V6. Generator version 2's beats, every one alike
 * ({@link GeneratedExam#VERSION_2}); the default's are checked by Version3BehaviourTest.
 */
class PhysiologyTest {
    private static final int N = 24;
    private static final Prevalences NONE = new Prevalences(0, 0, 0, 0, 0, 0);

    private static List<GeneratedExam> only(Condition condition) {
        return GeneratedExam.make(GeneratedExam.VERSION_2, NONE.with(condition, 1), N, 0, 11);
    }

    private static List<GeneratedExam> normals() {
        return GeneratedExam.make(GeneratedExam.VERSION_2, NONE, N, 0, 12);
    }

    private static double mean(List<GeneratedExam> exams, ToDoubleFunction<GeneratedExam> f) {
        return exams.stream().mapToDouble(f).average().orElseThrow();
    }

    @Test
    void labelsAreExactlyTheForcedOnes() {
        for (Condition c : Condition.values()) {
            for (GeneratedExam exam : only(c)) {
                assertEquals(java.util.Set.of(c), exam.spec().labels(), "labels of a pure " + c + " exam");
            }
        }
        normals().forEach(e -> assertTrue(e.spec().normal()));
    }

    @Test
    void sinusBradycardiaIsSlowerThan60AndTachycardiaFasterThan100() {
        for (GeneratedExam exam : only(Condition.SB)) {
            assertTrue(exam.measuredHeartRate() < 60, "SB heart rate " + exam.measuredHeartRate());
        }
        for (GeneratedExam exam : only(Condition.ST)) {
            assertTrue(exam.measuredHeartRate() > 100, "ST heart rate " + exam.measuredHeartRate());
        }
        for (GeneratedExam exam : normals()) {
            double hr = exam.measuredHeartRate();
            assertTrue(hr >= 60 && hr <= 100, "normal sinus heart rate " + hr);
        }
    }

    @Test
    void detectedBeatsMatchTheGeneratorsBeats() {
        for (GeneratedExam exam : normals()) {
            double[] peaks = exam.rPeaks();
            for (double onset : exam.truth().qrsOnsets()) {
                boolean found = Arrays.stream(peaks).anyMatch(p -> p > onset && p < onset + exam.truth().qrsDuration());
                assertTrue(found, "no R peak detected within the QRS starting at " + onset + " s");
            }
        }
    }

    @Test
    void atrialFibrillationIsIrregularWithoutPWavesAndWithFibrillatoryBaseline() {
        List<GeneratedExam> af = only(Condition.AF);
        List<GeneratedExam> sinus = normals();
        for (GeneratedExam exam : af) {
            assertTrue(exam.rrVariation() > 0.10, "AF RR coefficient of variation " + exam.rrVariation());
            assertTrue(Double.isNaN(exam.truth().prInterval()), "AF exams have no PR interval");
        }
        for (GeneratedExam exam : sinus) {
            assertTrue(exam.rrVariation() < 0.08, "sinus RR coefficient of variation " + exam.rrVariation());
        }
        // between T end and the next QRS (P-wave time included) a clean sinus V1 is quiet except for the P
        // wave; in AF the baseline itself oscillates at 4–9 Hz
        double afBaseline = mean(af, e -> baselineFluctuation(e, Lead.V1));
        double sinusBaseline = mean(sinus, e -> baselineFluctuation(e, Lead.V1));
        assertTrue(afBaseline > 2 * sinusBaseline, "V1 diastolic fluctuation AF " + afBaseline + " vs sinus " + sinusBaseline);
        assertTrue(mean(af, e -> baselineFluctuation(e, Lead.V1)) > mean(af, e -> baselineFluctuation(e, Lead.I)),
                "f waves are larger in V1 than in I");
    }

    /** Mean absolute sample-to-sample change of {@code lead} from T end to the next QRS onset, mV/s. */
    private static double baselineFluctuation(GeneratedExam exam, Lead lead) {
        double[] onsets = exam.truth().qrsOnsets();
        double sum = 0;
        int count = 0;
        for (int k = 0; k + 1 < onsets.length; k++) {
            double from = onsets[k] + exam.truth().qtInterval() + 0.02;
            double to = onsets[k + 1] - 0.01;
            for (double t = from; t + 1.0 / GeneratedExam.RATE < to; t += 1.0 / GeneratedExam.RATE) {
                sum += Math.abs(exam.at(lead, t + 1.0 / GeneratedExam.RATE) - exam.at(lead, t));
                count++;
            }
        }
        return count == 0 ? 0 : sum / count * GeneratedExam.RATE;
    }

    @Test
    void firstDegreeAvBlockProlongsPrBeyond200Ms() {
        for (GeneratedExam exam : only(Condition.AVB1)) {
            assertTrue(exam.truth().prInterval() > 0.200, "1dAVb PR " + exam.truth().prInterval());
        }
        for (GeneratedExam exam : normals()) {
            assertTrue(exam.truth().prInterval() < 0.200, "normal PR " + exam.truth().prInterval());
        }
        // in the signal: the P onset found in lead II lies more than 200 ms before the QRS only in 1dAVb
        for (GeneratedExam exam : only(Condition.AVB1)) {
            double[] pr = exam.measuredPrIntervals();
            assertTrue(pr.length > 0, "a P wave clear of the T wave");
            assertTrue(Arrays.stream(pr).average().orElseThrow() > 0.200, "1dAVb measured PR " + Arrays.toString(pr));
        }
        for (GeneratedExam exam : normals()) {
            double[] pr = exam.measuredPrIntervals();
            assertTrue(Arrays.stream(pr).average().orElseThrow() < 0.200, "normal measured PR " + Arrays.toString(pr));
            assertEquals(exam.truth().prInterval(), pr[0], 0.015, "measured PR matches the generator's PR");
        }
    }

    @Test
    void bundleBranchBlocksWidenTheQrsTo120MsOrMore() {
        List<GeneratedExam> rbbb = only(Condition.RBBB);
        List<GeneratedExam> lbbb = only(Condition.LBBB);
        List<GeneratedExam> sinus = normals();
        for (GeneratedExam exam : rbbb) {
            assertTrue(exam.truth().qrsDuration() >= 0.120, "RBBB QRS " + exam.truth().qrsDuration());
        }
        for (GeneratedExam exam : lbbb) {
            assertTrue(exam.truth().qrsDuration() >= 0.120, "LBBB QRS " + exam.truth().qrsDuration());
        }
        for (GeneratedExam exam : sinus) {
            assertTrue(exam.truth().qrsDuration() < 0.110, "normal QRS " + exam.truth().qrsDuration());
        }
        // from the signal: the span of steep slopes, per exam
        for (GeneratedExam exam : rbbb) {
            assertTrue(meanWidth(exam) >= 0.120 - 1e-9, "RBBB measured QRS " + meanWidth(exam));
        }
        for (GeneratedExam exam : lbbb) {
            assertTrue(meanWidth(exam) >= 0.120 - 1e-9, "LBBB measured QRS " + meanWidth(exam));
        }
        for (GeneratedExam exam : sinus) {
            assertTrue(meanWidth(exam) < 0.110, "normal measured QRS " + meanWidth(exam));
            assertEquals(exam.truth().qrsDuration(), meanWidth(exam), 0.015, "measured QRS matches the generator's");
        }
    }

    private static double meanWidth(GeneratedExam exam) {
        return Arrays.stream(exam.measuredQrsWidths()).average().orElseThrow();
    }

    @Test
    void rbbbHasTerminalRInV1AndWideSInIAndV6() {
        for (GeneratedExam exam : only(Condition.RBBB)) {
            double q = exam.truth().qrsOnsets()[1];
            double d = exam.truth().qrsDuration();
            assertTrue(exam.mean(Lead.V1, q + 0.6 * d, q + d) > 0.05, "RBBB V1 terminal deflection positive (R')");
            assertTrue(exam.mean(Lead.I, q + 0.6 * d, q + d) < 0, "RBBB lead I terminal S");
            assertTrue(exam.mean(Lead.V6, q + 0.6 * d, q + d) < 0, "RBBB V6 terminal S");
            // rsR': the initial r comes before an S, both before the R'
            assertTrue(exam.at(Lead.V1, q + 0.18 * exam.spec().patient().qrsDuration()) > 0, "RBBB V1 initial r");
        }
    }

    @Test
    void lbbbHasBroadLeftwardRAndNegativeV1WithDiscordantT() {
        for (GeneratedExam exam : only(Condition.LBBB)) {
            double q = exam.truth().qrsOnsets()[1];
            double d = exam.truth().qrsDuration();
            double qt = exam.truth().qtInterval();
            assertTrue(exam.mean(Lead.V1, q + 0.6 * d, q + d) < 0, "LBBB V1 terminal deflection negative (QS/rS)");
            assertTrue(exam.mean(Lead.V1, q, q + d) < 0, "LBBB V1 mostly negative");
            assertTrue(exam.mean(Lead.I, q + 0.2 * d, q + 0.9 * d) > 0, "LBBB broad R in I");
            assertTrue(exam.mean(Lead.V6, q + 0.2 * d, q + 0.9 * d) > 0, "LBBB broad R in V6");
            // discordant ST-T: T opposite to the QRS
            assertTrue(exam.mean(Lead.V6, q + d + 0.02, q + qt - 0.02) < 0, "LBBB V6 T inverted");
            assertTrue(exam.mean(Lead.V1, q + d + 0.02, q + qt - 0.02) > 0, "LBBB V1 T upright");
        }
        for (GeneratedExam exam : normals()) {
            double q = exam.truth().qrsOnsets()[1];
            double qt = exam.truth().qtInterval();
            assertTrue(exam.mean(Lead.V6, q + exam.truth().qrsDuration() + 0.02, q + qt - 0.02) > 0,
                    "normal V6 T upright");
            assertFalse(exam.mean(Lead.V1, q, q + exam.truth().qrsDuration()) > 0.3, "normal V1 is rS");
        }
    }
}
