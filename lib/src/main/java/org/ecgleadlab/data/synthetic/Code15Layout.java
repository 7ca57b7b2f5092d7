package org.ecgleadlab.data.synthetic;

import java.util.SplittableRandom;

/**
 * Who is who in a synthetic CODE-15%: which patient each exam belongs to (patients have one or more exams,
 * 1 + Poisson(mean − 1)), the exam and patient ids (unique, increasing with random gaps like the real
 * ones), and where each exam sits among the part files (shuffled, so one patient's exams are spread over
 * parts and the CSV order differs from the HDF5 order, as in the real data).
 */
final class Code15Layout {
    private final int[] patientOfExam;
    private final int[] visitOfExam;
    private final long[] examIds;
    private final long[] patientIds;
    private final PatientTraits[] traits;
    private final int[] examAtSlot;

    Code15Layout(SyntheticConfig config) {
        this(config, ExamModel.of(SyntheticGenerator.DEFAULT_VERSION));
    }

    /** The layout of {@code config} with patients drawn by {@code model}. */
    Code15Layout(SyntheticConfig config, ExamModel model) {
        int total = config.code15Exams();
        patientOfExam = new int[total];
        visitOfExam = new int[total];
        int patient = 0;
        for (int exam = 0; exam < total; patient++) {
            int visits = 1 + poisson(Seeds.random(config.seed(), Seeds.VISITS, patient),
                    config.examsPerPatient() - 1);
            for (int v = 0; v < visits && exam < total; v++, exam++) {
                patientOfExam[exam] = patient;
                visitOfExam[exam] = v;
            }
        }
        SplittableRandom layout = Seeds.random(config.seed(), Seeds.LAYOUT, 0);
        examIds = increasingIds(layout, total, 1_000, 1_500);
        patientIds = increasingIds(layout, patient, 50, 2_000);
        traits = new PatientTraits[patient];
        for (int p = 0; p < patient; p++) {
            traits[p] = model.patient(Seeds.random(config.seed(), Seeds.PATIENTS, p), config.prevalences());
        }
        examAtSlot = new int[total];
        for (int i = 0; i < total; i++) {
            examAtSlot[i] = i;
        }
        for (int i = total - 1; i > 0; i--) {
            int j = layout.nextInt(i + 1);
            int swap = examAtSlot[i];
            examAtSlot[i] = examAtSlot[j];
            examAtSlot[j] = swap;
        }
    }

    /** Number of patients. */
    int patients() {
        return patientIds.length;
    }

    /** Patient index (0-based) of exam {@code exam}. */
    int patientOf(int exam) {
        return patientOfExam[exam];
    }

    /** 0 for a patient's first exam, 1 for the second, ... */
    int visitOf(int exam) {
        return visitOfExam[exam];
    }

    /** The lasting traits of patient {@code patient}. */
    PatientTraits traits(int patient) {
        return traits[patient];
    }

    long examId(int exam) {
        return examIds[exam];
    }

    long patientId(int patient) {
        return patientIds[patient];
    }

    /** The exam stored at row {@code row} of part {@code part}. */
    int examAt(int part, int row, int examsPerPart) {
        return examAtSlot[part * examsPerPart + row];
    }

    private static long[] increasingIds(SplittableRandom rng, int count, long first, int maxGap) {
        long[] ids = new long[count];
        long id = first + rng.nextInt(maxGap);
        for (int i = 0; i < count; i++) {
            ids[i] = id;
            id += 1 + rng.nextInt(maxGap);
        }
        return ids;
    }

    static int poisson(SplittableRandom rng, double mean) {
        double limit = StrictMath.exp(-mean);
        double product = rng.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= rng.nextDouble();
            k++;
        }
        return k;
    }
}
