package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecgleadlab.data.Lead;
import org.junit.jupiter.api.Test;

/**
 * The noise added to a recording has the make-up of real contamination. An exam made twice from one seed,
 * clean and noisy, differs only by its noise (the heart draws its random numbers first), so the noise can be
 * taken apart: slow baseline wander in every exam, 60 Hz mains in some, broadband muscle noise, and now and
 * then a flat precordial lead.
 */
class RecordingNoiseTest {
    private static final int EXAMS = 120;
    private static final int RATE = ExamSpec.SAMPLE_RATE;

    @Test
    void noiseHasWanderMainsMuscleAndOccasionalFlatLeads() {
        List<GeneratedExam> clean = GeneratedExam.make(Prevalences.defaults(), EXAMS, 0, 21);
        List<GeneratedExam> noisy = GeneratedExam.make(Prevalences.defaults(), EXAMS, 1, 21);
        int withMains = 0;
        int flat = 0;
        for (int e = 0; e < EXAMS; e++) {
            GeneratedExam exam = noisy.get(e);
            double[] noise = difference(exam, clean.get(e), Lead.II);
            double wander = amplitudeAt(noise, 0.05, 0.6);
            double mains = amplitudeAt(noise, 60, 60);
            assertTrue(wander > 0.005, "baseline wander in every exam: " + wander + " mV");
            assertTrue(sampleToSampleRms(noise) > 0.002, "broadband muscle noise: " + sampleToSampleRms(noise) + " mV");
            if (mains > 0.003) {
                withMains++;
            }
            int k = exam.truth().flatPrecordial();
            if (k >= 0) {
                flat++;
                Lead off = Lead.values()[Lead.V1.channel() + k];
                Lead neighbour = Lead.values()[Lead.V1.channel() + (k == 0 ? 1 : k - 1)];
                assertTrue(rms(exam, off) < 0.25 * rms(exam, neighbour), off + " is flat next to " + neighbour);
            }
        }
        assertTrue(withMains > EXAMS / 8 && withMains < EXAMS / 2, withMains + " of " + EXAMS + " exams with 60 Hz");
        assertTrue(flat >= 1 && flat < EXAMS / 10, flat + " exams with a flat precordial lead");
    }

    private static double[] difference(GeneratedExam noisy, GeneratedExam clean, Lead lead) {
        int n = noisy.truth().samples();
        double[] d = new double[n];
        for (int t = 0; t < n; t++) {
            d[t] = noisy.tracing()[noisy.truth().padBefore() + t][lead.channel()]
                    - clean.tracing()[clean.truth().padBefore() + t][lead.channel()];
        }
        return d;
    }

    /** Largest sinusoid amplitude (mV) found at frequencies from {@code fromHz} to {@code toHz} (DFT bins). */
    private static double amplitudeAt(double[] x, double fromHz, double toHz) {
        int n = x.length;
        double best = 0;
        int first = Math.max(1, (int) Math.round(fromHz * n / RATE));
        int last = (int) Math.round(toHz * n / RATE);
        for (int bin = first; bin <= last; bin++) {
            double re = 0;
            double im = 0;
            for (int t = 0; t < n; t++) {
                double angle = 2 * Math.PI * bin * t / n;
                re += x[t] * Math.cos(angle);
                im -= x[t] * Math.sin(angle);
            }
            best = Math.max(best, 2 * Math.hypot(re, im) / n);
        }
        return best;
    }

    /** RMS of the first difference: high-frequency content such as EMG (wander and mains barely move it). */
    private static double sampleToSampleRms(double[] x) {
        double sum = 0;
        for (int t = 1; t < x.length; t++) {
            sum += (x[t] - x[t - 1]) * (x[t] - x[t - 1]);
        }
        return Math.sqrt(sum / (x.length - 1));
    }

    private static double rms(GeneratedExam exam, Lead lead) {
        double sum = 0;
        for (int t = 0; t < exam.truth().samples(); t++) {
            double v = exam.tracing()[exam.truth().padBefore() + t][lead.channel()];
            sum += v * v;
        }
        return Math.sqrt(sum / exam.truth().samples());
    }
}
