package org.ecgleadlab.data.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ecgleadlab.data.Lead;

/** A synthetic exam made in memory for tests: its (4096, 12) tracing, spec and ground truth, plus measurements. */
record GeneratedExam(float[][] tracing, ExamSpec spec, ExamTruth truth) {
    static final int RATE = ExamSpec.SAMPLE_RATE;
    /** I, II and V1–V6: the eight leads that are not combinations of others. */
    static final int[] INDEPENDENT_LEADS = {0, 1, 6, 7, 8, 9, 10, 11};

    /**
     * Version 2's physiology, for the tests that measure it beat by beat against its own truth (PhysiologyTest,
     * DelineationAccuracyTest, RealisticDistributionsTest): version 3, the default, adds ectopic beats, beat-to-beat
     * variation and more kinds of noise on the same heart, and Version3BehaviourTest and Version3RealismTest check it.
     */
    static final ExamModel VERSION_2 = ExamModel.of(SyntheticGenerator.PREVIOUS_VERSION);

    /** {@code n} exams (one patient each) of the default generator with every label drawn from {@code prevalences}. */
    static List<GeneratedExam> make(Prevalences prevalences, int n, double noise, long seed) {
        return make(ExamModel.of(SyntheticGenerator.DEFAULT_VERSION), prevalences, n, noise, seed);
    }

    /** The same drawn by generator {@code model}. */
    static List<GeneratedExam> make(ExamModel model, Prevalences prevalences, int n, double noise, long seed) {
        SyntheticConfig config = SyntheticConfig.defaults().withPrevalences(prevalences).withRecording(noise, 0, 0);
        List<GeneratedExam> exams = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SplittableRandom rng = Seeds.random(seed, 99, i);
            PatientTraits patient = model.patient(rng, prevalences);
            ExamSpec spec = model.exam(rng, patient, config, false);
            float[][] tracing = new float[ExamSynthesizer.ROWS][ExamSynthesizer.LEADS];
            ExamTruth truth = model.synthesize(spec, rng, noise, tracing);
            exams.add(new GeneratedExam(tracing, spec, truth));
        }
        return exams;
    }

    /** Sample of {@code lead} at {@code seconds} from the start of the recording (padding skipped). */
    double at(Lead lead, double seconds) {
        return tracing[truth.padBefore() + (int) Math.round(seconds * RATE)][lead.channel()];
    }

    /** Mean of {@code lead} over [from, to) seconds of the recording. */
    double mean(Lead lead, double from, double to) {
        int a = (int) Math.round(from * RATE);
        int b = (int) Math.round(to * RATE);
        double sum = 0;
        for (int t = a; t < b; t++) {
            sum += tracing[truth.padBefore() + t][lead.channel()];
        }
        return sum / (b - a);
    }

    /**
     * R-peak times (s) detected from the signal, Pan–Tompkins style: maxima of the summed squared slopes of
     * the independent leads (I, II, V1–V6) above 30 % of the exam's maximum, at least 250 ms apart. QRS
     * slopes are many times steeper than P and T slopes. Meant for clean (noise 0) exams.
     */
    double[] rPeaks() {
        int n = truth.samples();
        double[] energy = new double[n];
        double max = 0;
        for (int t = 1; t < n; t++) {
            float[] row = tracing[truth.padBefore() + t];
            float[] previous = tracing[truth.padBefore() + t - 1];
            for (int lead : INDEPENDENT_LEADS) {
                double d = row[lead] - previous[lead];
                energy[t] += d * d;
            }
            max = Math.max(max, energy[t]);
        }
        int refractory = (int) (0.25 * RATE);
        List<Double> peaks = new ArrayList<>();
        int t = 0;
        while (t < n) {
            if (energy[t] > 0.3 * max) {
                int best = t;
                int end = Math.min(n, t + refractory);
                for (int u = t; u < end; u++) {
                    if (energy[u] > energy[best]) {
                        best = u;
                    }
                }
                peaks.add((double) best / RATE);
                t = best + refractory;
            } else {
                t++;
            }
        }
        return peaks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * PR intervals (s) measured from lead II for beats whose P wave is clear of the previous T wave: the
     * P-wave peak is the maximum of II between the previous T end and the QRS onset, and the P onset is
     * where II last rises above 5 % of that peak before it.
     */
    double[] measuredPrIntervals() {
        double[] onsets = truth.qrsOnsets();
        List<Double> prs = new ArrayList<>();
        for (int k = 1; k < onsets.length; k++) {
            double q = onsets[k];
            double from = Math.max(onsets[k - 1] + truth.qtInterval() + 0.01, q - 0.45);
            if (from >= q - 0.03 || q - truth.prInterval() < from) {
                continue;
            }
            int peak = (int) Math.round(from * RATE);
            for (int t = peak; t < (int) Math.round((q - 0.03) * RATE); t++) {
                if (lead(1, t) > lead(1, peak)) {
                    peak = t;
                }
            }
            int start = peak;
            while (start > 0 && lead(1, start - 1) > 0.05 * lead(1, peak)) {
                start--;
            }
            prs.add(q - (double) start / RATE);
        }
        return prs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private float lead(int channel, int sample) {
        return tracing[truth.padBefore() + sample][channel];
    }

    /** Mean heart rate (beats per minute) from the detected R peaks. */
    double measuredHeartRate() {
        double[] rr = rrIntervals();
        double sum = 0;
        for (double v : rr) {
            sum += v;
        }
        return 60 / (sum / rr.length);
    }

    /** Coefficient of variation of the RR intervals between detected R peaks. */
    double rrVariation() {
        double[] rr = rrIntervals();
        double mean = 0;
        for (double v : rr) {
            mean += v / rr.length;
        }
        double var = 0;
        for (double v : rr) {
            var += (v - mean) * (v - mean) / (rr.length - 1);
        }
        return Math.sqrt(var) / mean;
    }

    private double[] rrIntervals() {
        double[] peaks = rPeaks();
        double[] rr = new double[peaks.length - 1];
        for (int k = 0; k < rr.length; k++) {
            rr[k] = peaks[k + 1] - peaks[k];
        }
        return rr;
    }

    /**
     * QRS width (s) measured from the signal for each complete beat. A sample belongs to the QRS while the
     * spatial slope of the independent leads is above 10 % of the beat's steepest slope or the spatial
     * amplitude is above 20 % of its largest (the top of a broad, slurred wave); the QRS is grown from its
     * steepest point until 12 ms pass with neither, which is the isoelectric ST segment or the slow start
     * of the T wave. Meant for clean exams, whose PR segment sits at zero.
     */
    double[] measuredQrsWidths() {
        double[] onsets = truth.qrsOnsets();
        double[] widths = new double[onsets.length];
        for (int k = 0; k < onsets.length; k++) {
            int from = Math.max(1, (int) ((onsets[k] - 0.02) * RATE));
            int to = Math.min(truth.samples() - 1, (int) ((onsets[k] + 0.20) * RATE));
            double[] slope = new double[to - from];
            double[] amplitude = new double[to - from];
            for (int t = from; t < to; t++) {
                double s = 0;
                double a = 0;
                for (int lead : INDEPENDENT_LEADS) {
                    double d = lead(lead, t) - lead(lead, t - 1);
                    s += d * d;
                    a += lead(lead, t) * lead(lead, t);
                }
                slope[t - from] = Math.sqrt(s) * RATE;
                amplitude[t - from] = Math.sqrt(a);
            }
            double maxSlope = Arrays.stream(slope).max().orElseThrow();
            double maxAmplitude = Arrays.stream(amplitude).max().orElseThrow();
            int peak = 0;
            for (int i = 0; i < slope.length; i++) {
                if (slope[i] > slope[peak]) {
                    peak = i;
                }
            }
            int gap = (int) (0.012 * RATE);
            int first = peak;
            for (int i = peak; i >= 0 && first - i < gap; i--) {
                if (slope[i] > 0.1 * maxSlope || amplitude[i] > 0.2 * maxAmplitude) {
                    first = i;
                }
            }
            int last = peak;
            for (int i = peak; i < slope.length && i - last < gap; i++) {
                if (slope[i] > 0.1 * maxSlope || amplitude[i] > 0.2 * maxAmplitude) {
                    last = i;
                }
            }
            widths[k] = (double) (last - first + 1) / RATE;
        }
        return widths;
    }
}
