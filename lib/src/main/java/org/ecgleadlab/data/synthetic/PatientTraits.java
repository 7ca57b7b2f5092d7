package org.ecgleadlab.data.synthetic;

import java.util.random.RandomGenerator;

/**
 * What stays the same across one patient's exams: heart position (electrical axis, rotation), body habitus
 * (amplitudes), resting intervals and rate, demographics, and chronic conduction disease (bundle branch
 * blocks and 1st degree AV block are structural; rhythms change from exam to exam).
 *
 * @param qrsAxisDeg        frontal-plane QRS axis (normal about -30..+90°)
 * @param horizontalRotDeg  rotation of the heart in the horizontal plane (moves the precordial transition)
 * @param qrsAmplitude      peak QRS dipole magnitude, mV
 * @param tRatio            T-wave dipole magnitude as a fraction of the QRS one
 * @param pAmplitude        P-wave dipole magnitude, mV
 * @param restingRate       resting sinus rate, beats per minute
 * @param prInterval        PR interval (P onset to QRS onset) when conduction is normal, s
 * @param qrsDuration       QRS duration when conduction is normal, s
 * @param qtc               heart-rate-corrected QT (Bazett), s
 * @param age               age in years at the first exam
 * @param male              sex
 * @param avBlock           chronic 1st degree AV block (PR above 200 ms in sinus rhythm)
 * @param rbbb              right bundle branch block
 * @param lbbb              left bundle branch block
 * @param blockedPr         PR interval while AV-blocked, s
 * @param blockedQrs        QRS duration while a bundle branch is blocked, s
 */
record PatientTraits(double qrsAxisDeg, double horizontalRotDeg, double qrsAmplitude, double tRatio,
                     double pAmplitude, double restingRate, double prInterval, double qrsDuration, double qtc,
                     int age, boolean male, boolean avBlock, boolean rbbb, boolean lbbb, double blockedPr,
                     double blockedQrs) {

    /**
     * Draws a patient. Chronic labels get the probability that makes their per-exam prevalence come out
     * right: 1dAVb is invisible during AF, so it is drawn with {@code p / (1 - pAF)}.
     */
    static PatientTraits draw(RandomGenerator rng, Prevalences prevalences) {
        double pAvBlock = prevalences.af() < 1 ? Math.min(1, prevalences.avb1() / (1 - prevalences.af())) : 0;
        boolean avBlock = rng.nextDouble() < pAvBlock;
        double blockDraw = rng.nextDouble();
        boolean rbbb = blockDraw < prevalences.rbbb();
        boolean lbbb = !rbbb && blockDraw < prevalences.rbbb() + prevalences.lbbb();
        boolean conductionDisease = avBlock || rbbb || lbbb;
        // Conduction disease is a disease of older hearts; LBBB also shifts the axis leftwards.
        int age = (int) clip(Math.round(normal(rng, conductionDisease ? 66 : 52, 16)), 18, 98);
        double axis = clip(normal(rng, lbbb ? 15 : 45, 30), -60, 120);
        return new PatientTraits(
                axis,
                normal(rng, 0, 12),
                2.6 * StrictMath.exp(normal(rng, 0, 0.22)),
                uniform(rng, 0.22, 0.34),
                uniform(rng, 0.16, 0.32),
                clip(normal(rng, 73, 9), 55, 100),
                clip(normal(rng, 0.158, 0.018), 0.125, 0.192),
                clip(normal(rng, 0.088, 0.008), 0.072, 0.104),
                clip(normal(rng, 0.410, 0.018), 0.370, 0.450),
                age,
                rng.nextBoolean(),
                avBlock, rbbb, lbbb,
                uniform(rng, 0.215, 0.320),
                rbbb ? uniform(rng, 0.128, 0.160) : uniform(rng, 0.130, 0.170));
    }

    static double normal(RandomGenerator rng, double mean, double sd) {
        return mean + sd * rng.nextGaussian();
    }

    static double uniform(RandomGenerator rng, double from, double to) {
        return from + (to - from) * rng.nextDouble();
    }

    static double clip(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
