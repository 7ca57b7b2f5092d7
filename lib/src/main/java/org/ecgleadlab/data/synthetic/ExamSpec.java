package org.ecgleadlab.data.synthetic;

import static org.ecgleadlab.data.synthetic.PatientTraits.clip;
import static org.ecgleadlab.data.synthetic.PatientTraits.uniform;

import java.util.EnumSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.ecgleadlab.data.Condition;

/**
 * What one exam shows: its labels and the rhythm and intervals that define them, drawn for a patient.
 * Only physiologically possible combinations arise: one rhythm at a time (sinus, SB, ST or AF), no 1dAVb
 * during AF (it needs P waves), never RBBB with LBBB.
 *
 * @param patient     the patient's lasting traits
 * @param labels      the exam's labels
 * @param heartRate   mean ventricular rate, beats per minute
 * @param prInterval  P onset to QRS onset, s (meaningless in AF)
 * @param qrsDuration QRS onset to offset, s
 * @param sevenSecond a 7-s recording (2800 samples) instead of 10 s (4000 samples)
 * @param allZero     a blank exam (all samples zero), as some real ones are
 */
record ExamSpec(PatientTraits patient, Set<Condition> labels, double heartRate, double prInterval,
                double qrsDuration, boolean sevenSecond, boolean allZero) {

    /** Samples per second of CODE tracings. */
    static final int SAMPLE_RATE = 400;

    /** Draws one exam of {@code patient}. */
    static ExamSpec draw(RandomGenerator rng, PatientTraits patient, SyntheticConfig config, boolean mayBeBlank) {
        Prevalences p = config.prevalences();
        Set<Condition> labels = EnumSet.noneOf(Condition.class);
        double rhythm = rng.nextDouble();
        double heartRate;
        if (rhythm < p.af()) {
            labels.add(Condition.AF);
            heartRate = uniform(rng, 62, 135);
        } else if (rhythm < p.af() + p.sb()) {
            labels.add(Condition.SB);
            heartRate = uniform(rng, 40, 57);
        } else if (rhythm < p.af() + p.sb() + p.st()) {
            labels.add(Condition.ST);
            heartRate = uniform(rng, 104, 150);
        } else {
            heartRate = clip(patient.restingRate() + 5 * rng.nextGaussian(), 62, 98);
        }
        boolean sinus = !labels.contains(Condition.AF);
        if (sinus && patient.avBlock()) {
            labels.add(Condition.AVB1);
        }
        if (patient.rbbb()) {
            labels.add(Condition.RBBB);
        }
        if (patient.lbbb()) {
            labels.add(Condition.LBBB);
        }
        // PR shortens a little as the rate rises; the normal range stays below the 200 ms threshold.
        double rateShift = -0.0004 * (heartRate - 70);
        double pr = labels.contains(Condition.AVB1)
                ? Math.max(0.212, patient.blockedPr() + rateShift + 0.006 * rng.nextGaussian())
                : clip(patient.prInterval() + rateShift + 0.005 * rng.nextGaussian(), 0.115, 0.192);
        double qrs = patient.rbbb() || patient.lbbb()
                ? Math.max(0.126, patient.blockedQrs() + 0.003 * rng.nextGaussian())
                : clip(patient.qrsDuration() + 0.003 * rng.nextGaussian(), 0.070, 0.106);
        boolean sevenSecond = rng.nextDouble() < config.sevenSecondFraction();
        boolean allZero = mayBeBlank && rng.nextDouble() < config.allZeroFraction();
        return new ExamSpec(patient, Set.copyOf(labels), heartRate, pr, qrs, sevenSecond, allZero);
    }

    /** Recorded samples before zero padding: 4000 (10 s) or 2800 (7 s). */
    int samples() {
        return sevenSecond ? 2800 : 4000;
    }

    /** True when the exam carries {@code condition}. */
    boolean has(Condition condition) {
        return labels.contains(condition);
    }

    /** True when no label is set: the CSV's normal_ecg column. */
    boolean normal() {
        return labels.isEmpty();
    }
}
