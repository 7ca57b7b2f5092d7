package org.ecgleadlab.data.synthetic;

import static org.ecgleadlab.data.synthetic.PatientTraits.clip;
import static org.ecgleadlab.data.synthetic.PatientTraits.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ecgleadlab.data.Condition;

/**
 * Makes the tracing of one version-3 exam. Compared with version 2 ({@link ExamSynthesizer}): every beat differs a
 * little from the last (QRS and T size, QRS width, P size), some exams carry premature beats (PVCs, and PACs in sinus
 * rhythm) with their pauses, AF's RR irregularity and f-wave size vary between exams, the recorder's gain (heart
 * and noise alike) spans the levels of both real hospitals with its own factor per lead, and the noise has more kinds
 * ({@link RecordingArtefacts}).
 */
final class Version3Synthesizer {
    private static final int RATE = ExamSpec.SAMPLE_RATE;
    /**
     * Range of the coefficient of variation of AF's RR intervals, uniform: the 13 real AF records of CPSC 2018 here
     * have 0.11–0.44 (median 0.21, IQR 0.18–0.23; one record with 0.76), sinus ones a median of 0.03.
     */
    static final double AF_CV_MIN = 0.10;
    static final double AF_CV_MAX = 0.38;
    /** Chance that an exam has PVCs, and that a sinus exam has PACs. */
    static final double PVC_CHANCE = 0.08;
    static final double PAC_CHANCE = 0.06;

    /** A scheduled beat: QRS onset time (s) and kind. */
    record ScheduledBeat(double time, Kind kind) {
    }

    enum Kind { SINUS, PVC, PAC }

    private Version3Synthesizer() {
    }

    static ExamTruth synthesize(ExamSpec exam, RandomGenerator rng, double noiseLevel, float[][] out) {
        int n = exam.samples();
        int pad = (ExamSynthesizer.ROWS - n) / 2;
        if (exam.allZero()) {
            return new ExamTruth(exam.labels(), n, pad, new double[0], Double.NaN, exam.qrsDuration(), Double.NaN,
                    -1, true);
        }
        double meanRr = 60.0 / exam.heartRate();
        CardiacDipole.Beat beat = CardiacDipole.beat(exam, meanRr, rng);
        boolean af = exam.has(Condition.AF);
        double pvcShare = rng.nextDouble() < PVC_CHANCE ? uniform(rng, 0.05, 0.25) : 0;
        double pacShare = !af && rng.nextDouble() < PAC_CHANCE ? uniform(rng, 0.05, 0.25) : 0;
        List<ScheduledBeat> beats = schedule(exam, meanRr, n, pvcShare, pacShare, rng);
        List<WaveLobe> pvc = EctopicBeats.pvc(rng, exam.patient().qrsAmplitude());
        List<WaveLobe> pac = EctopicBeats.pacP(rng, exam.patient().pAmplitude(), uniform(rng, 0.12, 0.18));

        double[] dx = new double[n];
        double[] dy = new double[n];
        double[] dz = new double[n];
        double breathHz = uniform(rng, 0.15, 0.35);
        double breathPhase = rng.nextDouble() * 2 * Math.PI;
        double d = exam.qrsDuration();
        for (ScheduledBeat b : beats) {
            double breath = 1 + 0.05 * StrictMath.sin(2 * Math.PI * breathHz * b.time() + breathPhase);
            // beat-to-beat variation: a few percent in size and width, more in the T wave and P wave
            double qrsGain = breath * StrictMath.exp(0.03 * rng.nextGaussian());
            double tGain = breath * StrictMath.exp(0.05 * rng.nextGaussian());
            double width = StrictMath.exp(0.015 * rng.nextGaussian());
            double pGain = StrictMath.exp(0.06 * rng.nextGaussian());
            if (b.kind() == Kind.PVC) {
                for (WaveLobe lobe : pvc) {
                    add(lobe, b.time(), qrsGain, width, dx, dy, dz);
                }
                continue;
            }
            for (WaveLobe lobe : beat.ventricular()) {
                boolean repolarisation = lobe.center() > d;
                add(lobe, b.time(), repolarisation ? tGain : qrsGain, repolarisation ? 1 : width, dx, dy, dz);
            }
            for (WaveLobe lobe : b.kind() == Kind.PAC ? pac : beat.atrial()) {
                add(lobe, b.time(), pGain, 1, dx, dy, dz);
            }
        }
        if (af) {
            FibrillatoryWaves.addVaried(dx, dy, dz, rng, RATE);
        }
        // the heart's size between people, as in version 2 (its median matches real CODE-15% amplitudes)
        double factor = ExamSynthesizer.MIN_SCALE
                * StrictMath.pow(ExamSynthesizer.MAX_SCALE / ExamSynthesizer.MIN_SCALE, rng.nextDouble());
        for (int t = 0; t < n; t++) {
            dx[t] *= factor;
            dy[t] *= factor;
            dz[t] *= factor;
        }
        RecordingNoise.Noise noise = RecordingNoise.draw(rng, noiseLevel, n, RATE);
        if (noise != null) {
            RecordingArtefacts.addTo(noise.electrodes(), rng, noiseLevel, n, RATE);
        }
        double[] gains = RecordingArtefacts.leadGains(rng);
        int flat = noise == null ? -1 : noise.flatPrecordial();
        LeadSystem.project(dx, dy, dz, noise == null ? null : noise.electrodes(), flat,
                noise == null ? 0 : noise.lowPassHz(), gains, RATE, out, pad, n);

        double duration = (double) n / RATE;
        double[] inside = beats.stream().mapToDouble(ScheduledBeat::time)
                .filter(t -> t >= 0 && t + d <= duration).toArray();
        return new ExamTruth(exam.labels(), n, pad, inside, af ? Double.NaN : exam.prInterval(), d,
                beat.qtInterval(), flat, false);
    }

    /** Adds {@code lobe} for a beat at {@code onset}, its size times {@code gain} and its timing times {@code width}. */
    private static void add(WaveLobe lobe, double onset, double gain, double width, double[] dx, double[] dy,
                            double[] dz) {
        new WaveLobe(onset + width * lobe.center(), width * lobe.sigmaBefore(), width * lobe.sigmaAfter(),
                lobe.moment().times(gain)).addTo(dx, dy, dz, RATE);
    }

    /**
     * Beats covering the recording from a beat or two before it. Sinus rhythm: respiratory sinus arrhythmia of 1–7 %
     * (it differs between people and falls with age). AF: independent log-normal RR intervals with the exam's
     * coefficient of variation. A PVC comes at 55–75 % of the RR interval and is followed by a compensatory pause
     * (the next sinus beat on time); a PAC comes at 60–85 % and resets the sinus node (the next beat one RR later).
     */
    static List<ScheduledBeat> schedule(ExamSpec exam, double meanRr, int n, double pvcShare, double pacShare,
                                        RandomGenerator rng) {
        boolean af = exam.has(Condition.AF);
        double duration = (double) n / RATE;
        double cv = uniform(rng, AF_CV_MIN, AF_CV_MAX);
        double rsa = uniform(rng, 0.01, 0.07);
        double breathHz = uniform(rng, 0.15, 0.35);
        double breathPhase = rng.nextDouble() * 2 * Math.PI;
        List<ScheduledBeat> beats = new ArrayList<>();
        double t = -meanRr * (1 + rng.nextDouble());
        boolean lastEctopic = false;
        while (t < duration + 0.05) {
            beats.add(new ScheduledBeat(t, Kind.SINUS));
            double rr = af
                    ? clip(meanRr * StrictMath.exp(cv * rng.nextGaussian() - 0.5 * cv * cv), 0.25, 2.6)
                    : meanRr * (1 + rsa * StrictMath.sin(2 * Math.PI * breathHz * t + breathPhase)
                            + 0.01 * rng.nextGaussian());
            double draw = rng.nextDouble();
            if (!lastEctopic && draw < pvcShare) {
                double at = t + Math.max(0.30, uniform(rng, 0.55, 0.75) * rr);
                beats.add(new ScheduledBeat(at, Kind.PVC));
                t = af ? at + rr : t + 2 * rr;
                lastEctopic = true;
            } else if (!lastEctopic && draw < pvcShare + pacShare) {
                double at = t + Math.max(0.32, uniform(rng, 0.60, 0.85) * rr);
                beats.add(new ScheduledBeat(at, Kind.PAC));
                t = at + rr;
                lastEctopic = true;
            } else {
                t += rr;
                lastEctopic = false;
            }
        }
        return beats;
    }
}
