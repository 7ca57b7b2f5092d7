package org.ecgleadlab.data.synthetic;

import static org.ecgleadlab.data.synthetic.PatientTraits.uniform;

import java.util.random.RandomGenerator;

/**
 * The kinds of contamination version 3 adds to version 2's electrode noise ({@link RecordingNoise}), per electrode
 * so that derived leads share them as real ones do: electrode motion (a step of the half-cell potential that
 * decays over a second, as when a patient moves or an electrode is pressed), bursts of muscle noise (shivering,
 * talking, a tensed arm: a second or two at several times the resting EMG), 50-Hz mains (the grid of China and
 * Europe, where the Challenge records come from; version 2 has Brazil's 60 Hz), and a faster, larger baseline
 * wander (coughing, deep breaths) in some exams. Each electrode also gets its own amplifier gain
 * ({@link #leadGains}).
 */
final class RecordingArtefacts {
    /** Chance that an exam has electrode motion events (1–3 of them). */
    static final double MOTION_CHANCE = 0.15;
    /** Chance that an exam has muscle bursts (1–2). */
    static final double BURST_CHANCE = 0.15;
    /** Chance that an exam picks up 50-Hz mains. */
    static final double MAINS_50_CHANCE = 0.15;
    /** Chance of a large, faster baseline wander (0.3–0.8 Hz). */
    static final double FAST_WANDER_CHANCE = 0.10;
    /**
     * Range of the recorder's gain per exam, log-uniform: real CPSC 2018 records have 0.57× the QRS peak-to-peak and
     * 0.55× the >40 Hz noise of real CODE-15% ones (geometric means over I, II, V1–V6; compare-data,
     * data/README.md), so the gain acts on heart and noise alike and spans both levels.
     */
    static final double MIN_RECORD_GAIN = 0.5;
    static final double MAX_RECORD_GAIN = 1.1;
    /**
     * Spread (SD of the log) of the per-lead gain about the record's: the per-lead CPSC/CODE-15% ratios scatter about
     * their mean with SD 0.14 (noise) to 0.17 (QRS peak-to-peak, which also holds population differences).
     */
    static final double LEAD_GAIN_SD = 0.15;

    private RecordingArtefacts() {
    }

    /** Adds this exam's artefacts to the electrode arrays (n samples at {@code rate}); nothing when level is 0. */
    static void addTo(double[][] electrodes, RandomGenerator rng, double level, int n, int rate) {
        if (level == 0) {
            return;
        }
        if (rng.nextDouble() < MOTION_CHANCE) {
            int events = 1 + rng.nextInt(3);
            for (int k = 0; k < events; k++) {
                double[] x = electrodes[rng.nextInt(LeadSystem.ELECTRODES)];
                addMotion(x, rng.nextInt(n), level * uniform(rng, 0.1, 0.8) * (rng.nextBoolean() ? 1 : -1),
                        uniform(rng, 0.2, 1.0) * rate);
            }
        }
        if (rng.nextDouble() < BURST_CHANCE) {
            int bursts = 1 + rng.nextInt(2);
            for (int k = 0; k < bursts; k++) {
                int from = rng.nextInt(n);
                int length = (int) (uniform(rng, 0.5, 2.0) * rate);
                double sd = level * 0.016 * uniform(rng, 2, 6);
                // limb muscles most often: one limb electrode, sometimes a precordial one
                int electrode = rng.nextDouble() < 0.75 ? rng.nextInt(3) : 3 + rng.nextInt(6);
                addBurst(electrodes[electrode], rng, from, length, sd);
            }
        }
        if (rng.nextDouble() < MAINS_50_CHANCE) {
            double amplitude = level * uniform(rng, 0.004, 0.03);
            for (double[] x : electrodes) {
                addSine(x, amplitude * uniform(rng, 0.3, 1), 50, rng.nextDouble() * 2 * Math.PI, rate, 0, n);
            }
        }
        if (rng.nextDouble() < FAST_WANDER_CHANCE) {
            double hz = uniform(rng, 0.3, 0.8);
            double amplitude = level * uniform(rng, 0.1, 0.4);
            for (double[] x : electrodes) {
                addSine(x, amplitude * uniform(rng, 0.2, 1), hz, rng.nextDouble() * 2 * Math.PI, rate, 0, n);
            }
        }
    }

    /**
     * Gains of the recorded leads I, II, V1–V6: the record's gain (log-uniform over [{@link #MIN_RECORD_GAIN},
     * {@link #MAX_RECORD_GAIN}]) times a log-normal factor per lead with SD {@link #LEAD_GAIN_SD}.
     */
    static double[] leadGains(RandomGenerator rng) {
        double record = MIN_RECORD_GAIN * StrictMath.pow(MAX_RECORD_GAIN / MIN_RECORD_GAIN, rng.nextDouble());
        double[] gains = new double[8];
        for (int k = 0; k < gains.length; k++) {
            gains[k] = record * StrictMath.exp(LEAD_GAIN_SD * rng.nextGaussian());
        }
        return gains;
    }

    /** A step of {@code size} mV at sample {@code at} that decays with time constant {@code tau} samples. */
    private static void addMotion(double[] x, int at, double size, double tau) {
        for (int t = at; t < x.length; t++) {
            x[t] += size * StrictMath.exp(-(t - at) / tau);
        }
    }

    /** Broadband muscle noise with a smooth (Hann) envelope over {@code length} samples from {@code from}. */
    private static void addBurst(double[] x, RandomGenerator rng, int from, int length, double sd) {
        double previous = rng.nextGaussian();
        int to = Math.min(x.length, from + length);
        for (int t = from; t < to; t++) {
            double w = rng.nextGaussian();
            double envelope = 0.5 - 0.5 * StrictMath.cos(2 * Math.PI * (t - from) / length);
            x[t] += envelope * sd * (w - 0.7 * previous);
            previous = w;
        }
    }

    private static void addSine(double[] x, double amplitude, double hz, double phase, int rate, int from, int to) {
        for (int t = from; t < to; t++) {
            x[t] += amplitude * StrictMath.sin(2 * Math.PI * hz * t / rate + phase);
        }
    }
}
