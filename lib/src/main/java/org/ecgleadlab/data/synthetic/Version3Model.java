package org.ecgleadlab.data.synthetic;

import static org.ecgleadlab.data.synthetic.PatientTraits.clip;
import static org.ecgleadlab.data.synthetic.PatientTraits.normal;
import static org.ecgleadlab.data.synthetic.PatientTraits.uniform;

import java.util.EnumSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.ecgleadlab.data.Condition;

/**
 * Generator version 3: version 2's heart and formats, with the figures set against real recordings (data/README.md,
 * "Generator version 3"): a narrower normal QRS (the delineation's median 80 ms of real CODE-15%), a wider frontal
 * axis spread, 1dAVb over PR 205–400 ms and more often with a bundle branch block, AF with slow to rapid ventricular
 * responses, and wider sinus rate ranges. The tracing is made by {@link Version3Synthesizer}.
 */
final class Version3Model implements ExamModel {
    static final Version3Model MODEL = new Version3Model();

    /**
     * Normal QRS lobe span d, s. The Gaussian lobes reach past [0, d], so the delineation reads more than d (version
     * 2: d 88 ms, read 100 ms); 65 ms gives the delineation's median of 80 ms over a version-3 dataset, real
     * CODE-15%'s median (Version3RealismTest, compare-data in data/README.md).
     */
    static final double QRS_MEAN = 0.065;
    static final double QRS_SD = 0.007;
    /** 1dAVb PR range, s: from just over the 200-ms threshold to the 400 ms of marked block. */
    static final double BLOCKED_PR_MIN = 0.205;
    static final double BLOCKED_PR_MAX = 0.400;
    /** Chance that a patient with 1dAVb also has RBBB / LBBB (conduction disease clusters). */
    static final double RBBB_GIVEN_AVB = 0.2;
    static final double LBBB_GIVEN_AVB = 0.12;
    /**
     * Shares of AF exams with a slow (< 60 /min) and a rapid (> 100 /min) ventricular response: of the 13 real AF
     * records of CPSC 2018 here, 1 is slow and 7 are rapid (rates 58–146 /min, median 112; data/README.md).
     */
    static final double AF_SLOW = 0.10;
    static final double AF_RAPID = 0.45;

    private Version3Model() {
    }

    @Override
    public int version() {
        return 3;
    }

    @Override
    public PatientTraits patient(RandomGenerator rng, Prevalences prevalences) {
        double pAvBlock = prevalences.af() < 1 ? Math.min(1, prevalences.avb1() / (1 - prevalences.af())) : 0;
        boolean avBlock = rng.nextDouble() < pAvBlock;
        // bundle branch blocks are likelier with 1dAVb; the rest of the patients make up each marginal prevalence
        double pRbbb = avBlock ? Math.min(RBBB_GIVEN_AVB, prevalences.rbbb())
                : rest(prevalences.rbbb(), pAvBlock, RBBB_GIVEN_AVB);
        double pLbbb = avBlock ? Math.min(LBBB_GIVEN_AVB, prevalences.lbbb())
                : rest(prevalences.lbbb(), pAvBlock, LBBB_GIVEN_AVB);
        double blockDraw = rng.nextDouble();
        boolean rbbb = blockDraw < pRbbb;
        boolean lbbb = !rbbb && blockDraw < pRbbb + pLbbb;
        boolean conductionDisease = avBlock || rbbb || lbbb;
        int age = (int) clip(Math.round(normal(rng, conductionDisease ? 66 : 52, 16)), 18, 98);
        // real CODE-15% frontal axis: median 24°, IQR [-5°, 56°] (compare-data)
        double axis = clip(normal(rng, lbbb ? 0 : 27, 38), -80, 140);
        return new PatientTraits(
                axis,
                normal(rng, 0, 12),
                2.6 * StrictMath.exp(normal(rng, 0, 0.22)),
                uniform(rng, 0.22, 0.34),
                uniform(rng, 0.16, 0.32),
                clip(normal(rng, 73, 9), 55, 100),
                clip(normal(rng, 0.160, 0.020), 0.120, 0.196),
                clip(normal(rng, QRS_MEAN, QRS_SD), 0.050, 0.090),
                clip(normal(rng, 0.410, 0.020), 0.360, 0.460),
                age,
                rng.nextBoolean(),
                avBlock, rbbb, lbbb,
                // most 1dAVb is mild: PR 205–260 ms in about two thirds, a tail to 400 ms
                BLOCKED_PR_MIN + (BLOCKED_PR_MAX - BLOCKED_PR_MIN) * StrictMath.pow(rng.nextDouble(), 1.8),
                rbbb ? uniform(rng, 0.122, 0.160) : uniform(rng, 0.128, 0.175));
    }

    /** The probability among patients without 1dAVb that keeps the marginal {@code p}, clipped to [0, 1]. */
    private static double rest(double p, double pAvBlock, double givenAvBlock) {
        if (pAvBlock >= 1) {
            return 0;
        }
        return clip((p - pAvBlock * Math.min(givenAvBlock, p)) / (1 - pAvBlock), 0, 1);
    }

    @Override
    public ExamSpec exam(RandomGenerator rng, PatientTraits patient, SyntheticConfig config, boolean mayBeBlank) {
        Prevalences p = config.prevalences();
        Set<Condition> labels = EnumSet.noneOf(Condition.class);
        double rhythm = rng.nextDouble();
        double heartRate;
        if (rhythm < p.af()) {
            labels.add(Condition.AF);
            double response = rng.nextDouble();
            heartRate = response < AF_SLOW ? uniform(rng, 38, 60)
                    : response < AF_SLOW + AF_RAPID ? uniform(rng, 100, 175) : uniform(rng, 60, 100);
        } else if (rhythm < p.af() + p.sb()) {
            labels.add(Condition.SB);
            heartRate = uniform(rng, 36, 57);
        } else if (rhythm < p.af() + p.sb() + p.st()) {
            labels.add(Condition.ST);
            heartRate = uniform(rng, 104, 165);
        } else {
            heartRate = clip(patient.restingRate() + 5 * rng.nextGaussian(), 61, 99);
        }
        if (!labels.contains(Condition.AF) && patient.avBlock()) {
            labels.add(Condition.AVB1);
        }
        if (patient.rbbb()) {
            labels.add(Condition.RBBB);
        }
        if (patient.lbbb()) {
            labels.add(Condition.LBBB);
        }
        double rateShift = -0.0004 * (heartRate - 70);
        double pr = labels.contains(Condition.AVB1)
                ? clip(patient.blockedPr() + rateShift + 0.006 * rng.nextGaussian(), BLOCKED_PR_MIN, 0.41)
                : clip(patient.prInterval() + rateShift + 0.005 * rng.nextGaussian(), 0.110, 0.196);
        double qrs = patient.rbbb() || patient.lbbb()
                ? Math.max(0.120, patient.blockedQrs() + 0.003 * rng.nextGaussian())
                : clip(patient.qrsDuration() + 0.003 * rng.nextGaussian(), 0.048, 0.094);
        boolean sevenSecond = rng.nextDouble() < config.sevenSecondFraction();
        boolean allZero = mayBeBlank && rng.nextDouble() < config.allZeroFraction();
        return new ExamSpec(patient, Set.copyOf(labels), heartRate, pr, qrs, sevenSecond, allZero);
    }

    @Override
    public ExamTruth synthesize(ExamSpec exam, RandomGenerator rng, double noiseLevel, float[][] out) {
        return Version3Synthesizer.synthesize(exam, rng, noiseLevel, out);
    }
}
