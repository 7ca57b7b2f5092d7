package org.ecgleadlab.data.synthetic;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ecgleadlab.data.Condition;

/**
 * Makes the 12-lead tracing of one exam: schedules beats (regular sinus rhythm with respiratory sinus
 * arrhythmia, or the irregularly irregular ventricular response of AF), sums each beat's dipole lobes,
 * adds f waves in AF, projects on the lead system with per-electrode noise, and centres the recording in
 * the 4096-row tracing with zero padding.
 */
public final class ExamSynthesizer {
    /** Rows of every CODE tracing. */
    public static final int ROWS = 4096;
    /** Channels of every CODE tracing. */
    public static final int LEADS = 12;

    private static final int RATE = ExamSpec.SAMPLE_RATE;
    /** Spread of RR intervals in AF (coefficient of variation of a log-normal). */
    private static final double AF_RR_SPREAD = 0.22;
    /** Range of the per-exam recording scale (median about 0.76, the CODE-15% level for the patient amplitudes). */
    static final double MIN_SCALE = 0.5;
    static final double MAX_SCALE = 1.15;

    private ExamSynthesizer() {
    }

    /**
     * Writes the exam into {@code out} ((4096, 12), all zeros on entry) and returns its ground truth.
     * All randomness comes from {@code rng}; {@code noiseLevel} 0 gives a clean signal.
     */
    static ExamTruth synthesize(ExamSpec exam, RandomGenerator rng, double noiseLevel, float[][] out) {
        int n = exam.samples();
        int pad = (ROWS - n) / 2;
        if (exam.allZero()) {
            return new ExamTruth(exam.labels(), n, pad, new double[0], Double.NaN, exam.qrsDuration(), Double.NaN,
                    -1, true);
        }
        double meanRr = 60.0 / exam.heartRate();
        CardiacDipole.Beat beat = CardiacDipole.beat(exam, meanRr, rng);
        double[] onsets = beatOnsets(exam, meanRr, n, rng);

        double[] dx = new double[n];
        double[] dy = new double[n];
        double[] dz = new double[n];
        double breathHz = PatientTraits.uniform(rng, 0.15, 0.35);
        double breathPhase = rng.nextDouble() * 2 * Math.PI;
        for (double onset : onsets) {
            // breathing moves the heart: QRS and T amplitudes swing a few percent
            double gain = 1 + 0.05 * StrictMath.sin(2 * Math.PI * breathHz * onset + breathPhase);
            for (WaveLobe lobe : beat.ventricular()) {
                lobe.shifted(onset, gain).addTo(dx, dy, dz, RATE);
            }
            for (WaveLobe lobe : beat.atrial()) {
                lobe.shifted(onset, 1).addTo(dx, dy, dz, RATE);
            }
        }
        if (exam.has(Condition.AF)) {
            FibrillatoryWaves.addTo(dx, dy, dz, rng, RATE);
        }
        scale(rng.nextDouble(), dx, dy, dz);
        RecordingNoise.Noise noise = RecordingNoise.draw(rng, noiseLevel, n, RATE);
        int flat = noise == null ? -1 : noise.flatPrecordial();
        LeadSystem.project(dx, dy, dz, noise == null ? null : noise.electrodes(), flat,
                noise == null ? 0 : noise.lowPassHz(), RATE, out, pad, n);

        double duration = (double) n / RATE;
        double[] inside = Arrays.stream(onsets)
                .filter(t -> t >= 0 && t + exam.qrsDuration() <= duration)
                .toArray();
        double pr = exam.has(Condition.AF) ? Double.NaN : exam.prInterval();
        return new ExamTruth(exam.labels(), n, pad, inside, pr, exam.qrsDuration(), beat.qtInterval(), flat, false);
    }

    /**
     * Scales the heart's signal by a recording factor, log-uniform over [{@link #MIN_SCALE}, {@link #MAX_SCALE}]
     * ({@code u} uniform in [0, 1)): amplitudes differ between recording systems and populations (CODE-15%'s are
     * 1.7–2× those of the Challenge sets), so models trained here see both (domain randomisation). Noise is not
     * scaled: it comes from the electrodes, not the heart.
     */
    private static void scale(double u, double[] dx, double[] dy, double[] dz) {
        double factor = MIN_SCALE * StrictMath.pow(MAX_SCALE / MIN_SCALE, u);
        for (int t = 0; t < dx.length; t++) {
            dx[t] *= factor;
            dy[t] *= factor;
            dz[t] *= factor;
        }
    }

    /** QRS onset times covering the recording, starting a beat or two before it so edges look natural. */
    private static double[] beatOnsets(ExamSpec exam, double meanRr, int n, RandomGenerator rng) {
        boolean af = exam.has(Condition.AF);
        double duration = (double) n / RATE;
        double breathHz = PatientTraits.uniform(rng, 0.15, 0.35);
        double breathPhase = rng.nextDouble() * 2 * Math.PI;
        // no RR interval is shorter than 0.28 s, so this many slots always suffice
        double[] times = new double[(int) ((duration + 2 * meanRr + 0.1) / 0.28) + 4];
        int count = 0;
        double t = -meanRr * (1 + rng.nextDouble());
        while (t < duration + 0.05) {
            times[count++] = t;
            double rr;
            if (af) {
                double z = AF_RR_SPREAD * rng.nextGaussian() - 0.5 * AF_RR_SPREAD * AF_RR_SPREAD;
                rr = PatientTraits.clip(meanRr * StrictMath.exp(z), 0.28, 2.2);
            } else {
                // respiratory sinus arrhythmia: a few percent, in step with breathing
                rr = meanRr * (1 + 0.04 * StrictMath.sin(2 * Math.PI * breathHz * t + breathPhase)
                        + 0.01 * rng.nextGaussian());
            }
            t += rr;
        }
        return Arrays.copyOf(times, count);
    }
}
