package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ecgleadlab.data.Condition;
import org.junit.jupiter.api.Test;

/**
 * What generator version 3 adds, checked on its draws and tracings: AF over slow to rapid responses with
 * exam-to-exam RR irregularity and f waves of varying size and no P waves; 1dAVb over PR 205–400 ms with and without
 * a bundle branch block; sinus tachycardia and bradycardia with other findings; premature beats with their pauses;
 * gains that vary between records and leads.
 */
class Version3BehaviourTest {
    private static final ExamModel V3 = Version3Model.MODEL;
    private static final SyntheticConfig CONFIG = SyntheticConfig.defaults().withRecording(1, 0, 0);

    private static List<ExamSpec> specs(Prevalences prevalences, int n, long stream) {
        SyntheticConfig config = CONFIG.withPrevalences(prevalences);
        List<ExamSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SplittableRandom rng = Seeds.random(7, stream, i);
            specs.add(V3.exam(rng, V3.patient(rng, prevalences), config, false));
        }
        return specs;
    }

    @Test
    void atrialFibrillationIsIrregularOverSlowToRapidResponsesWithoutPWaves() {
        Prevalences afOnly = new Prevalences(0, 0.1, 0.08, 0, 0.9, 0);
        List<ExamSpec> af = specs(afOnly, 400, 1).stream().filter(s -> s.has(Condition.AF)).toList();
        double[] rates = af.stream().mapToDouble(ExamSpec::heartRate).sorted().toArray();
        assertTrue(rates[0] < 45 && rates[rates.length - 1] > 160, "AF rates " + rates[0] + ".." + rates[rates.length - 1]);
        assertTrue(Arrays.stream(rates).filter(r -> r < 60).count() > 0.05 * rates.length, "slow responses");
        assertTrue(Arrays.stream(rates).filter(r -> r > 100).count() > 0.25 * rates.length, "rapid responses");
        double[] cvs = new double[af.size()];
        for (int i = 0; i < af.size(); i++) {
            SplittableRandom rng = Seeds.random(3, 3, i);
            cvs[i] = rrCv(Version3Synthesizer.schedule(af.get(i), 60 / af.get(i).heartRate(), 4000, 0, 0, rng));
            assertTrue(CardiacDipole.beat(af.get(i), 60 / af.get(i).heartRate(), rng).atrial().isEmpty(), "P in AF");
        }
        Arrays.sort(cvs);
        assertTrue(cvs[0] > 0.03, "every AF exam is irregular: lowest RR CV " + cvs[0]);
        assertTrue(cvs[cvs.length / 10] < 0.17 && cvs[cvs.length * 9 / 10] > 0.24,
                "irregularity varies between exams: CV deciles " + cvs[cvs.length / 10] + ", " + cvs[cvs.length * 9 / 10]);
    }

    @Test
    void sinusRhythmIsRegular() {
        List<ExamSpec> sinus = specs(Prevalences.defaults(), 200, 2).stream().filter(s -> !s.has(Condition.AF)).toList();
        for (int i = 0; i < sinus.size(); i++) {
            double cv = rrCv(Version3Synthesizer.schedule(sinus.get(i), 60 / sinus.get(i).heartRate(), 4000, 0, 0,
                    Seeds.random(3, 4, i)));
            assertTrue(cv < 0.07, "sinus RR CV " + cv);
        }
    }

    @Test
    void fibrillatoryWavesVaryInSizeBetweenExams() {
        double[] rms = new double[100];
        for (int i = 0; i < rms.length; i++) {
            double[] dx = new double[2000];
            double[] dy = new double[2000];
            double[] dz = new double[2000];
            FibrillatoryWaves.addVaried(dx, dy, dz, Seeds.random(5, 5, i), ExamSpec.SAMPLE_RATE);
            rms[i] = Math.sqrt(Arrays.stream(dz).map(v -> v * v).average().orElseThrow());
        }
        Arrays.sort(rms);
        assertTrue(rms[90] / rms[10] > 4, "coarse vs fine AF: " + rms[90] / rms[10]);
    }

    @Test
    void firstDegreeBlockSpansPr205To400MsWithNarrowAndWideQrs() {
        Prevalences block = new Prevalences(0.5, 0.1, 0.08, 0.1, 0, 0.1);
        List<ExamSpec> avb = specs(block, 1000, 6).stream().filter(s -> s.has(Condition.AVB1)).toList();
        double[] pr = avb.stream().mapToDouble(ExamSpec::prInterval).sorted().toArray();
        assertTrue(pr[0] >= 0.205 && pr[0] < 0.215, "shortest 1dAVb PR " + pr[0]);
        assertTrue(pr[pr.length - 1] > 0.37 && pr[pr.length - 1] <= 0.41, "longest 1dAVb PR " + pr[pr.length - 1]);
        assertTrue(pr[pr.length / 2] > 0.23 && pr[pr.length / 2] < 0.29, "median 1dAVb PR " + pr[pr.length / 2]);
        long wide = avb.stream().filter(s -> s.qrsDuration() >= 0.12).count();
        assertTrue(wide > 0.15 * avb.size() && wide < 0.5 * avb.size(), wide + " of " + avb.size() + " with a BBB");
        assertTrue(avb.stream().anyMatch(s -> s.has(Condition.SB)) && avb.stream().anyMatch(s -> s.has(Condition.ST)),
                "1dAVb with sinus brady- and tachycardia");
    }

    @Test
    void chronicLabelsKeepTheirPrevalences() {
        List<ExamSpec> exams = specs(Prevalences.defaults(), 4000, 8);
        for (Condition c : List.of(Condition.RBBB, Condition.LBBB, Condition.AVB1, Condition.ST, Condition.SB)) {
            double share = exams.stream().filter(s -> s.has(c)).count() / (double) exams.size();
            assertEquals(Prevalences.defaults().of(c), share, 0.025, c.toString());
        }
        assertTrue(exams.stream().anyMatch(s -> s.has(Condition.ST) && s.has(Condition.RBBB)), "ST with RBBB");
        assertTrue(exams.stream().anyMatch(s -> s.has(Condition.SB) && s.has(Condition.LBBB)), "SB with LBBB");
    }

    @Test
    void prematureBeatsComeEarlyWithTheirPauses() {
        ExamSpec sinus = specs(new Prevalences(0, 0, 0, 0, 0, 0), 1, 9).get(0);
        double rr = 60 / sinus.heartRate();
        List<Version3Synthesizer.ScheduledBeat> pvcs = Version3Synthesizer.schedule(sinus, rr, 4000, 0.4, 0,
                Seeds.random(1, 1, 1));
        int checked = 0;
        for (int k = 1; k + 1 < pvcs.size(); k++) {
            if (pvcs.get(k).kind() == Version3Synthesizer.Kind.PVC) {
                double before = pvcs.get(k).time() - pvcs.get(k - 1).time();
                double around = pvcs.get(k + 1).time() - pvcs.get(k - 1).time();
                assertTrue(before < 0.8 * rr, "PVC coupling " + before + " of RR " + rr);
                assertEquals(2 * rr, around, 0.15 * rr, "compensatory pause");
                checked++;
            }
        }
        assertTrue(checked >= 2, checked + " PVCs");
        List<Version3Synthesizer.ScheduledBeat> pacs = Version3Synthesizer.schedule(sinus, rr, 4000, 0, 0.4,
                Seeds.random(1, 1, 2));
        assertTrue(pacs.stream().filter(b -> b.kind() == Version3Synthesizer.Kind.PAC).count() >= 2, "PACs");
    }

    @Test
    void gainsVaryBetweenRecordsAndLeadsAndTheLimbLeadsStayDerived() {
        double[] v2 = logAmplitudes(ExamModel.of(2));
        double[] v3 = logAmplitudes(V3);
        double meanRatio = Math.exp(mean(v3) - mean(v2));
        assertTrue(meanRatio > 0.6 && meanRatio < 0.9, "v3/v2 lead II amplitude " + meanRatio);
        assertTrue(sd(v3) > sd(v2) + 0.04, "spread of log amplitude v3 " + sd(v3) + " vs v2 " + sd(v2));
    }

    /** Log of lead II's peak-to-peak over the recording, one per clean exam. */
    private static double[] logAmplitudes(ExamModel model) {
        return GeneratedExam.make(model, Prevalences.defaults(), 150, 0, 11).stream().mapToDouble(exam -> {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int t = 0; t < exam.truth().samples(); t++) {
                float[] row = exam.tracing()[exam.truth().padBefore() + t];
                assertEquals(row[1] - row[0], row[2], 1e-5, "III = II - I");
                min = Math.min(min, row[1]);
                max = Math.max(max, row[1]);
            }
            return Math.log(max - min);
        }).toArray();
    }

    private static double rrCv(List<Version3Synthesizer.ScheduledBeat> beats) {
        double[] rr = new double[beats.size() - 1];
        for (int k = 1; k < beats.size(); k++) {
            rr[k - 1] = beats.get(k).time() - beats.get(k - 1).time();
        }
        return sd(rr) / mean(rr);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
