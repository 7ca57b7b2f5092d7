package org.ecgleadlab.data.synthetic;

import static org.ecgleadlab.data.synthetic.PatientTraits.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ecgleadlab.data.Condition;

/**
 * The heart's electrical activity over one beat as a moving 3-D dipole (the vectorcardiogram), built from
 * Gaussian lobes with fixed directions. Directions are given for a heart with a +45° frontal axis and then
 * turned to the patient's axis and horizontal rotation. Times are relative to the QRS onset.
 *
 * <p>Normal ventricular activation: septum left-to-right and anterior (the q in I/V6 and the r in V1), then
 * the left ventricular free wall leftwards, inferior and posterior (R in I/II/V5–V6, S in V1–V2), then the
 * basal segments posterior-superior. RBBB keeps that and adds late, slow right ventricular forces pointing
 * right and anterior (R' in V1, broad S in I/V6). LBBB reverses the septal vector and spreads left
 * ventricular activation slowly leftwards and posteriorly (broad notched R in I/aVL/V5–V6, QS or rS in
 * V1), with repolarisation opposite to depolarisation (discordant ST-T).
 */
final class CardiacDipole {
    /** The atrial lobes (P wave; empty in AF) and the ventricular lobes (QRS and T) of one beat. */
    record Beat(List<WaveLobe> atrial, List<WaveLobe> ventricular, double qtInterval) {
    }

    private CardiacDipole() {
    }

    /** Builds the beat template of one exam whose mean RR interval is {@code meanRr} s. */
    static Beat beat(ExamSpec exam, double meanRr, RandomGenerator rng) {
        PatientTraits patient = exam.patient();
        double axisTurn = patient.qrsAxisDeg() - 45 + 4 * rng.nextGaussian();
        double rotation = patient.horizontalRotDeg() + 3 * rng.nextGaussian();
        double amplitude = patient.qrsAmplitude() * StrictMath.exp(0.08 * rng.nextGaussian());
        Orientation heart = new Orientation(axisTurn, rotation);

        List<WaveLobe> ventricular = new ArrayList<>();
        double d = exam.qrsDuration();
        if (exam.has(Condition.LBBB)) {
            addLbbbQrs(ventricular, heart, d, amplitude * 1.2, rng);
        } else {
            double normalQrs = exam.has(Condition.RBBB) ? patient.qrsDuration() : d;
            addNormalQrs(ventricular, heart, normalQrs, amplitude, exam.has(Condition.RBBB));
            if (exam.has(Condition.RBBB)) {
                double sigma = (d - 0.55 * normalQrs) / 4.4;
                Vec3 rightAnterior = new Vec3(-0.6, 0.1, 0.8).unit();
                ventricular.add(WaveLobe.symmetric(d - 2.2 * sigma, sigma,
                        heart.turn(rightAnterior).times(0.55 * amplitude * uniform(rng, 0.8, 1.25))));
            }
        }
        double qt = patient.qtc() * StrictMath.sqrt(meanRr) + (d - patient.qrsDuration());
        addRepolarisation(ventricular, heart, exam, d, qt, amplitude, rng);

        List<WaveLobe> atrial = exam.has(Condition.AF) ? List.of() : pWave(exam, rng);
        return new Beat(atrial, ventricular, qt);
    }

    private static void addNormalQrs(List<WaveLobe> lobes, Orientation heart, double d, double amplitude,
                                     boolean rightBlocked) {
        lobes.add(WaveLobe.symmetric(0.18 * d, 0.09 * d,
                heart.turn(new Vec3(-0.55, 0.15, 0.82).unit()).times(0.22 * amplitude)));
        // the free wall activates apex first (inferior) then the lateral wall (leftward, posterior): an open loop
        lobes.add(WaveLobe.symmetric(0.42 * d, 0.11 * d,
                heart.turn(new Vec3(0.35, 0.9, -0.1).unit()).times(0.7 * amplitude)));
        lobes.add(WaveLobe.symmetric(0.56 * d, 0.11 * d,
                heart.turn(new Vec3(0.9, 0.1, -0.5).unit()).times(0.7 * amplitude)));
        // In RBBB the late basal forces are swallowed by the right ventricular ones.
        lobes.add(WaveLobe.symmetric(0.80 * d, 0.09 * d,
                heart.turn(new Vec3(-0.35, -0.45, -0.8).unit()).times((rightBlocked ? 0.1 : 0.25) * amplitude)));
    }

    private static void addLbbbQrs(List<WaveLobe> lobes, Orientation heart, double d, double amplitude,
                                   RandomGenerator rng) {
        lobes.add(WaveLobe.symmetric(0.12 * d, 0.06 * d,
                heart.turn(new Vec3(0.7, 0.15, -0.7).unit()).times(0.3 * amplitude)));
        lobes.add(WaveLobe.symmetric(0.38 * d, 0.13 * d,
                heart.turn(new Vec3(0.75, 0.4, -0.55).unit()).times(0.95 * amplitude)));
        lobes.add(WaveLobe.symmetric(0.70 * d, 0.12 * d,
                heart.turn(new Vec3(0.85, 0.1, -0.5).unit()).times(0.9 * amplitude)));
        if (rng.nextDouble() < 0.4) {
            // a small right ventricular r in V1 (rS rather than QS)
            lobes.add(WaveLobe.symmetric(0.10 * d, 0.04 * d,
                    heart.turn(new Vec3(-0.3, 0.1, 0.95).unit()).times(0.1 * amplitude)));
        }
    }

    private static void addRepolarisation(List<WaveLobe> lobes, Orientation heart, ExamSpec exam, double d,
                                          double qt, double amplitude, RandomGenerator rng) {
        boolean lbbb = exam.has(Condition.LBBB);
        double sigmaAfter = 0.09 * qt;
        double peak = qt - 2.5 * sigmaAfter;
        // The ST segment: flat in normal conduction, absent in LBBB where ST and T run together.
        double start = lbbb ? d : d + 0.12 * qt;
        double sigmaBefore = Math.max(0.02, (peak - start) / 2.5);
        double ratio = exam.patient().tRatio();
        // the T axis follows the QRS axis only loosely (it stays near +45° in the frontal plane), except in
        // LBBB where repolarisation mirrors the abnormal depolarisation
        Vec3 direction = lbbb
                ? heart.turn(new Vec3(-0.8, -0.25, 0.55).unit())
                : heart.loosely(0.35).turn(Vec3.frontal(45 + 10 * rng.nextGaussian(), 0.6));
        double magnitude = lbbb ? uniform(rng, 0.30, 0.45) * amplitude : ratio * amplitude;
        lobes.add(new WaveLobe(peak, sigmaBefore, sigmaAfter, direction.times(magnitude)));
        if (exam.has(Condition.RBBB)) {
            // secondary T inversion in V1–V3, opposite to the late right ventricular forces
            lobes.add(new WaveLobe(peak, sigmaBefore, sigmaAfter,
                    heart.turn(new Vec3(0.6, -0.1, -0.8).unit()).times(0.18 * amplitude)));
        }
    }

    private static List<WaveLobe> pWave(ExamSpec exam, RandomGenerator rng) {
        double onset = -exam.prInterval();
        // the P wave ends at least 50 ms before the QRS (an isoelectric PR segment)
        double duration = Math.min(uniform(rng, 0.085, 0.110), exam.prInterval() - 0.05);
        double magnitude = exam.patient().pAmplitude();
        Orientation atria = new Orientation(10 * rng.nextGaussian(), 0);
        return List.of(
                // right atrium: inferior and anterior; left atrium: leftward and posterior (biphasic P in V1)
                WaveLobe.symmetric(onset + 0.38 * duration, 0.16 * duration,
                        atria.turn(new Vec3(0.15, 0.8, 0.55).unit()).times(magnitude)),
                WaveLobe.symmetric(onset + 0.62 * duration, 0.16 * duration,
                        atria.turn(new Vec3(0.75, 0.35, -0.55).unit()).times(magnitude)));
    }

    /** The heart's orientation in the chest: a frontal-plane turn then a horizontal-plane turn. */
    private record Orientation(double frontalDeg, double horizontalDeg) {
        Vec3 turn(Vec3 v) {
            return v.rotateFrontal(frontalDeg).rotateHorizontal(horizontalDeg);
        }

        /** The same horizontal rotation with only {@code share} of the frontal turn. */
        Orientation loosely(double share) {
            return new Orientation(share * frontalDeg, horizontalDeg);
        }
    }
}
