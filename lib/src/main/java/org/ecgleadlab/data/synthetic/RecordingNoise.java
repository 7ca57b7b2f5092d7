package org.ecgleadlab.data.synthetic;

import static org.ecgleadlab.data.synthetic.PatientTraits.uniform;

import java.util.random.RandomGenerator;

/**
 * Real-world contamination, added per electrode so that the derived limb leads share it the way real ones
 * do: baseline wander (respiration, electrode drift; 0.05–0.5 Hz), 60 Hz mains interference (Brazil's grid)
 * in some rooms, EMG muscle noise (broadband, stronger on the limb electrodes), and now and then one poor
 * electrode: a loose limb electrode (large wander and noise) or a precordial electrode that is off (a flat
 * lead).
 */
final class RecordingNoise {
    /** Chance that an exam has one poor electrode. */
    static final double POOR_ELECTRODE_CHANCE = 0.03;
    /** Chance that an exam picks up mains interference. */
    static final double MAINS_CHANCE = 0.3;
    /** Range of the recorder's low-pass cut-off (machines and their muscle-filter settings differ). */
    static final double MIN_LOW_PASS_HZ = 40;
    static final double MAX_LOW_PASS_HZ = 100;

    /**
     * Per-electrode noise arrays, the precordial lead (0..5) recorded flat or -1, and the recorder's low-pass
     * cut-off in Hz.
     */
    record Noise(double[][] electrodes, int flatPrecordial, double lowPassHz) {
    }

    private RecordingNoise() {
    }

    /** Draws the noise of one recording of {@code n} samples at {@code rate}; null when {@code level} is 0. */
    static Noise draw(RandomGenerator rng, double level, int n, int rate) {
        if (level == 0) {
            return null;
        }
        double[][] electrodes = new double[LeadSystem.ELECTRODES][n];
        double emg = level * 0.016 * StrictMath.exp(0.6 * rng.nextGaussian());
        double wander = level * 0.06 * StrictMath.exp(0.5 * rng.nextGaussian());
        double mains = rng.nextDouble() < MAINS_CHANCE ? level * uniform(rng, 0.004, 0.03) : 0;
        double respiration = uniform(rng, 0.15, 0.4);
        int poor = rng.nextDouble() < POOR_ELECTRODE_CHANCE ? rng.nextInt(LeadSystem.ELECTRODES) : -1;
        int flatPrecordial = poor >= 3 ? poor - 3 : -1;
        for (int e = 0; e < LeadSystem.ELECTRODES; e++) {
            boolean limb = e < 3;
            boolean loose = e == poor && limb;
            boolean off = e == poor && !limb;
            double[] x = electrodes[e];
            addWander(x, rng, off ? 0.05 * wander : loose ? 6 * wander : wander, respiration, rate);
            addMuscle(x, rng, (off ? 0.2 : loose ? 5 : 1) * emg);
            if (mains > 0) {
                addSine(x, mains * uniform(rng, 0.3, 1), 60, rng.nextDouble() * 2 * Math.PI, rate);
            }
        }
        return new Noise(electrodes, flatPrecordial, uniform(rng, MIN_LOW_PASS_HZ, MAX_LOW_PASS_HZ));
    }

    private static void addWander(double[] x, RandomGenerator rng, double amplitude, double respiration, int rate) {
        addSine(x, amplitude * uniform(rng, 0.3, 1), respiration, rng.nextDouble() * 2 * Math.PI, rate);
        addSine(x, amplitude * uniform(rng, 0.2, 0.8), uniform(rng, 0.05, 0.5), rng.nextDouble() * 2 * Math.PI, rate);
        double offset = amplitude * 0.5 * rng.nextGaussian();
        for (int t = 0; t < x.length; t++) {
            x[t] += offset;
        }
    }

    /** Broadband noise with its low frequencies damped (EMG lives above ~20 Hz). */
    private static void addMuscle(double[] x, RandomGenerator rng, double sd) {
        double previous = rng.nextGaussian();
        for (int t = 0; t < x.length; t++) {
            double w = rng.nextGaussian();
            x[t] += sd * (w - 0.7 * previous);
            previous = w;
        }
    }

    /** Adds a sinusoid by rotating a phasor (no sin() per sample; exact to ~1e-12 over 4096 steps). */
    private static void addSine(double[] x, double amplitude, double hz, double phase, int rate) {
        double step = 2 * Math.PI * hz / rate;
        double cosStep = StrictMath.cos(step);
        double sinStep = StrictMath.sin(step);
        double s = StrictMath.sin(phase);
        double c = StrictMath.cos(phase);
        for (int t = 0; t < x.length; t++) {
            x[t] += amplitude * s;
            double next = s * cosStep + c * sinStep;
            c = c * cosStep - s * sinStep;
            s = next;
        }
    }
}
