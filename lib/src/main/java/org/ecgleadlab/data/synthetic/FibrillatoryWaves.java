package org.ecgleadlab.data.synthetic;

import static org.ecgleadlab.data.synthetic.PatientTraits.uniform;

import java.util.random.RandomGenerator;

/**
 * The atrial activity of atrial fibrillation: no organised P wave, but a continuous fibrillatory baseline
 * (f waves) at 4–9 Hz whose rate and amplitude wander. The atria lie right, posterior and close to V1, so
 * the atrial dipole points mostly anterior-inferior and f waves are best seen in V1 and the inferior leads.
 */
final class FibrillatoryWaves {
    private FibrillatoryWaves() {
    }

    /** Adds f waves to the dipole arrays (n samples at {@code rate}). */
    static void addTo(double[] dx, double[] dy, double[] dz, RandomGenerator rng, int rate) {
        addWavelet(dx, dy, dz, rng, rate, new Vec3(-0.25, 0.45, 0.86).unit(), uniform(rng, 0.07, 0.16));
        // a second, weaker wavefront in another direction makes the morphology change from cycle to cycle
        addWavelet(dx, dy, dz, rng, rate, new Vec3(0.5, 0.6, 0.3).unit(), uniform(rng, 0.01, 0.04));
    }

    /**
     * Version 3's f waves: the main wavefront's size log-uniform over {@link #MIN_SIZE}–{@link #MAX_SIZE} mV (fine
     * to coarse AF; f waves of 0.02–0.2 mV are seen in V1), its rate 4–9 Hz (240–540 /min), and the second
     * wavefront a fraction of it.
     */
    static void addVaried(double[] dx, double[] dy, double[] dz, RandomGenerator rng, int rate) {
        double size = MIN_SIZE * StrictMath.pow(MAX_SIZE / MIN_SIZE, rng.nextDouble());
        addWavelet(dx, dy, dz, rng, rate, new Vec3(-0.25, 0.45, 0.86).unit(), size);
        addWavelet(dx, dy, dz, rng, rate, new Vec3(0.5, 0.6, 0.3).unit(), size * uniform(rng, 0.1, 0.4));
    }

    /** Range of version 3's f-wave dipole size, mV. */
    static final double MIN_SIZE = 0.015;
    static final double MAX_SIZE = 0.18;

    private static void addWavelet(double[] dx, double[] dy, double[] dz, RandomGenerator rng, int rate,
                                   Vec3 direction, double amplitude) {
        double baseHz = uniform(rng, 4.5, 8.5);
        double driftHz = uniform(rng, 0.05, 0.2);
        double driftPhase = rng.nextDouble() * 2 * Math.PI;
        double ampHz = uniform(rng, 0.1, 0.4);
        double ampPhase = rng.nextDouble() * 2 * Math.PI;
        double phase = rng.nextDouble() * 2 * Math.PI;
        for (int t = 0; t < dx.length; t++) {
            double seconds = (double) t / rate;
            double hz = baseHz + 0.8 * StrictMath.sin(2 * Math.PI * driftHz * seconds + driftPhase);
            phase += 2 * Math.PI * hz / rate;
            double a = amplitude * (1 + 0.4 * StrictMath.sin(2 * Math.PI * ampHz * seconds + ampPhase));
            // a sawtooth-leaning wave: fundamental plus a little second harmonic
            double f = a * (StrictMath.sin(phase) + 0.25 * StrictMath.sin(2 * phase));
            dx[t] += direction.x() * f;
            dy[t] += direction.y() * f;
            dz[t] += direction.z() * f;
        }
    }
}
