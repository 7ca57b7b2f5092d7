package org.ecgleadlab.data.synthetic;

import org.ecgleadlab.util.EcgLabException;

/**
 * Everything that decides the content of a synthetic dataset. Two datasets written with equal configs are
 * identical byte for byte, whatever the number of threads.
 *
 * @param parts               number of CODE-15% part files {@code exams_part{i}.hdf5}
 * @param examsPerPart        exams in each part file
 * @param codeTestExams       exams in the CODE-TEST-format folder {@code code-test/}
 * @param auditExams          exams in the CODE-TEST-format folder {@code audit/}
 * @param prevalences         fraction of exams carrying each label
 * @param noiseLevel          scale of every noise source (1 = typical resting ECG; 0 = clean signals)
 * @param sevenSecondFraction fraction of 7-s recordings (2800 samples, zero-padded to 4096)
 * @param allZeroFraction     fraction of CODE-15% exams that are all zeros, as some real ones are
 * @param examsPerPatient     mean number of exams per CODE-15% patient (at least 1)
 * @param seed                seed of every random choice
 */
public record SyntheticConfig(int parts, int examsPerPart, int codeTestExams, int auditExams,
                              Prevalences prevalences, double noiseLevel, double sevenSecondFraction,
                              double allZeroFraction, double examsPerPatient, long seed) {

    /** The embedded default: small enough for the whole pipeline on 2 CPU cores. */
    public static SyntheticConfig defaults() {
        return new SyntheticConfig(2, 1500, 400, 200, Prevalences.defaults(), 1.0, 0.15, 0.01, 1.5, 20240521L);
    }

    public SyntheticConfig {
        positive("parts", parts);
        positive("exams per part", examsPerPart);
        positive("code-test exams", codeTestExams);
        positive("audit exams", auditExams);
        if (prevalences == null) {
            throw new EcgLabException("synthetic config has no prevalences; give one per class");
        }
        fraction("noise level", noiseLevel, 10);
        fraction("seven-second fraction", sevenSecondFraction, 1);
        fraction("all-zero fraction", allZeroFraction, 0.5);
        if (!(examsPerPatient >= 1 && examsPerPatient <= 20)) {
            throw new EcgLabException("exams per patient is " + examsPerPatient + "; use a mean between 1 and 20");
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new EcgLabException(name + " is " + value + "; use at least 1");
        }
    }

    private static void fraction(String name, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new EcgLabException(name + " is " + value + "; use a value between 0 and " + max);
        }
    }

    /** Total CODE-15% exams. */
    public int code15Exams() {
        return parts * examsPerPart;
    }

    /** Total exams written (CODE-15% plus both test-pool folders). */
    public int totalExams() {
        return code15Exams() + codeTestExams + auditExams;
    }

    /** A copy with other sizes (handy for tests and quick runs). */
    public SyntheticConfig withSizes(int newParts, int newExamsPerPart, int newCodeTest, int newAudit) {
        return new SyntheticConfig(newParts, newExamsPerPart, newCodeTest, newAudit, prevalences, noiseLevel,
                sevenSecondFraction, allZeroFraction, examsPerPatient, seed);
    }

    /** A copy with another seed. */
    public SyntheticConfig withSeed(long newSeed) {
        return new SyntheticConfig(parts, examsPerPart, codeTestExams, auditExams, prevalences, noiseLevel,
                sevenSecondFraction, allZeroFraction, examsPerPatient, newSeed);
    }

    /** A copy with other prevalences. */
    public SyntheticConfig withPrevalences(Prevalences newPrevalences) {
        return new SyntheticConfig(parts, examsPerPart, codeTestExams, auditExams, newPrevalences, noiseLevel,
                sevenSecondFraction, allZeroFraction, examsPerPatient, seed);
    }

    /** A copy with another noise level, 7-s fraction and all-zero fraction. */
    public SyntheticConfig withRecording(double newNoise, double newSevenSecond, double newAllZero) {
        return new SyntheticConfig(parts, examsPerPart, codeTestExams, auditExams, prevalences, newNoise,
                newSevenSecond, newAllZero, examsPerPatient, seed);
    }
}
