package org.ecgleadlab.data.synthetic;

import static org.ecgleadlab.data.synthetic.PatientTraits.uniform;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Premature beats of generator version 3, one focus per exam as in most resting ECGs. A premature ventricular
 * contraction (PVC) spreads from a ventricular focus through muscle, not the conduction system: a wide (130–180 ms),
 * large complex whose direction depends on the focus, no P wave, and a T wave opposite to it. A premature atrial
 * contraction (PAC) starts in the atria away from the sinus node: an early P wave of another axis (often inverted in
 * the inferior leads when the focus is low) followed by a normal QRS. Times are relative to the beat's QRS onset.
 */
final class EctopicBeats {
    private EctopicBeats() {
    }

    /** The QRS and T lobes of this exam's PVCs, {@code amplitude} being the sinus QRS dipole magnitude. */
    static List<WaveLobe> pvc(RandomGenerator rng, double amplitude) {
        double d = uniform(rng, 0.130, 0.180);
        Vec3 focus = randomDirection(rng);
        Vec3 late = focus.plus(randomDirection(rng).times(0.5)).unit();
        double size = amplitude * uniform(rng, 1.0, 1.6);
        double qt = d + uniform(rng, 0.20, 0.26);
        double tPeak = qt - 0.10;
        return List.of(
                WaveLobe.symmetric(0.35 * d, 0.17 * d, focus.times(size)),
                WaveLobe.symmetric(0.68 * d, 0.14 * d, late.times(0.8 * size)),
                new WaveLobe(tPeak, (tPeak - d) / 2.2, 0.04, focus.times(-uniform(rng, 0.3, 0.45) * size)));
    }

    /** The P lobes of this exam's PACs: an ectopic atrial focus, {@code magnitude} mV, ending 50 ms before the QRS. */
    static List<WaveLobe> pacP(RandomGenerator rng, double magnitude, double pr) {
        double duration = Math.min(uniform(rng, 0.070, 0.100), pr - 0.05);
        // a low atrial focus (superior P) half the time, otherwise a high one of another axis
        Vec3 direction = rng.nextBoolean() ? new Vec3(0.4, -0.75, 0.3).unit()
                : Vec3.frontal(uniform(rng, -10, 100), uniform(rng, -0.5, 0.5));
        double size = magnitude * uniform(rng, 0.6, 1.1);
        return List.of(WaveLobe.symmetric(-pr + 0.5 * duration, 0.22 * duration, direction.times(size)));
    }

    /** A direction uniform on the sphere. */
    static Vec3 randomDirection(RandomGenerator rng) {
        Vec3 v = new Vec3(rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian());
        return v.unit();
    }
}
