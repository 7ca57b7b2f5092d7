package org.ecgleadlab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The paper's splits (§3), all seeded and independent of the order exams are listed in: CODE-15% into training and
 * validation by patient (no patient on both sides), and the test pool into an interpretability half (for lead ranking)
 * and an evaluation half, stratified by class.
 */
public final class Splits {
    /** Split names used in membership files. */
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String INTERPRETABILITY = "interpretability";
    public static final String EVALUATION = "evaluation";

    private Splits() {
    }

    /** Training and validation exams; lists keep the input order. */
    public record TrainValidation(List<ExamInfo> train, List<ExamInfo> validation) {
        /** Split membership to save with the results. */
        public SplitMembership membership() {
            return SplitMembership.of(Map.of(TRAIN, train, VALIDATION, validation));
        }
    }

    /** The two halves of the test pool; lists keep the input order. */
    public record TestHalves(List<ExamInfo> interpretability, List<ExamInfo> evaluation) {
        /** Split membership to save with the results. */
        public SplitMembership membership() {
            return SplitMembership.of(Map.of(INTERPRETABILITY, interpretability, EVALUATION, evaluation));
        }
    }

    /**
     * Splits by patient: patients (an exam with an unknown patient is its own patient) are shuffled with
     * {@code seed} and moved to validation until it holds {@code validationFraction} of the exams.
     */
    public static TrainValidation byPatient(List<ExamInfo> exams, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must lie in (0, 1), got " + validationFraction);
        }
        Map<String, Integer> examsPerPatient = new LinkedHashMap<>();
        for (ExamInfo exam : exams) {
            examsPerPatient.merge(exam.patientKey(), 1, Integer::sum);
        }
        List<String> patients = new ArrayList<>(examsPerPatient.keySet());
        Collections.sort(patients); // the shuffle then depends on the seed only, not on the input order
        Collections.shuffle(patients, new Random(seed));
        long target = Math.round(validationFraction * exams.size());
        Set<String> validationPatients = new HashSet<>();
        long taken = 0;
        for (String patient : patients) {
            if (taken >= target) {
                break;
            }
            validationPatients.add(patient);
            taken += examsPerPatient.get(patient);
        }
        List<ExamInfo> train = new ArrayList<>();
        List<ExamInfo> validation = new ArrayList<>();
        for (ExamInfo exam : exams) {
            (validationPatients.contains(exam.patientKey()) ? validation : train).add(exam);
        }
        return new TrainValidation(List.copyOf(train), List.copyOf(validation));
    }

    /**
     * The data's own split (exam id → {@link #TRAIN}, {@link #VALIDATION} or another name such as PTB-XL's
     * {@code test}): exams of other splits are left out; lists keep the input order.
     */
    public static TrainValidation official(List<ExamInfo> exams, Map<Long, String> split) {
        List<ExamInfo> train = new ArrayList<>();
        List<ExamInfo> validation = new ArrayList<>();
        for (ExamInfo exam : exams) {
            String name = split.get(exam.examId());
            if (TRAIN.equals(name)) {
                train.add(exam);
            } else if (VALIDATION.equals(name)) {
                validation.add(exam);
            }
        }
        return new TrainValidation(List.copyOf(train), List.copyOf(validation));
    }

    /**
     * Splits the test pool 50/50 with every class as evenly divided as possible. Exams carry several labels, so a
     * per-class split is not well defined; this is iterative stratification (Sechidis, Tsoumakas and Vlahavas,
     * 2011) for two equal halves: the rarest class still to place is handled first, each of its exams goes to the
     * half that still wants most of that class (ties: the half that wants most exams, then a seeded coin), and
     * exams without any label fill the halves up to equal size. Rare classes, placed first, end up split within one
     * exam; common ones absorb the small imbalances.
     */
    public static TestHalves stratifiedHalves(List<ExamInfo> pool, long seed) {
        Random random = new Random(seed);
        List<ExamInfo> remaining = new ArrayList<>(pool);
        remaining.sort(Comparator.comparingLong(ExamInfo::examId)); // independent of the input order
        Collections.shuffle(remaining, random);

        double[][] wantedPerClass = new double[2][Condition.COUNT];
        for (ExamInfo exam : remaining) {
            for (Condition c : Condition.values()) {
                if (exam.has(c)) {
                    wantedPerClass[0][c.index()] += 0.5;
                    wantedPerClass[1][c.index()] += 0.5;
                }
            }
        }
        double[] wantedExams = {pool.size() / 2.0, pool.size() / 2.0};
        Set<ExamInfo> inFirst = Collections.newSetFromMap(new IdentityHashMap<>());

        while (true) {
            Condition rarest = rarestRemaining(remaining);
            if (rarest == null) {
                break;
            }
            for (ExamInfo exam : remaining) {
                if (exam.has(rarest)) {
                    int half = pickHalf(wantedPerClass, rarest.index(), wantedExams, random);
                    assign(exam, half, wantedPerClass, wantedExams, inFirst);
                }
            }
            remaining.removeIf(exam -> exam.has(rarest));
        }
        for (ExamInfo exam : remaining) { // exams with no label
            int half = wantedExams[0] != wantedExams[1] ? (wantedExams[0] > wantedExams[1] ? 0 : 1)
                    : random.nextInt(2);
            assign(exam, half, wantedPerClass, wantedExams, inFirst);
        }
        List<ExamInfo> first = new ArrayList<>();
        List<ExamInfo> second = new ArrayList<>();
        for (ExamInfo exam : pool) {
            (inFirst.contains(exam) ? first : second).add(exam);
        }
        return new TestHalves(List.copyOf(first), List.copyOf(second));
    }

    /** The class with the fewest labelled exams among {@code remaining}, or null when no exam has a label. */
    private static Condition rarestRemaining(List<ExamInfo> remaining) {
        int[] counts = new int[Condition.COUNT];
        for (ExamInfo exam : remaining) {
            for (Condition c : Condition.values()) {
                if (exam.has(c)) {
                    counts[c.index()]++;
                }
            }
        }
        Condition rarest = null;
        for (Condition c : Condition.values()) {
            if (counts[c.index()] > 0 && (rarest == null || counts[c.index()] < counts[rarest.index()])) {
                rarest = c;
            }
        }
        return rarest;
    }

    private static int pickHalf(double[][] wantedPerClass, int label, double[] wantedExams, Random random) {
        int byClass = Double.compare(wantedPerClass[0][label], wantedPerClass[1][label]);
        if (byClass != 0) {
            return byClass > 0 ? 0 : 1;
        }
        int bySize = Double.compare(wantedExams[0], wantedExams[1]);
        if (bySize != 0) {
            return bySize > 0 ? 0 : 1;
        }
        return random.nextInt(2);
    }

    private static void assign(ExamInfo exam, int half, double[][] wantedPerClass, double[] wantedExams,
            Set<ExamInfo> inFirst) {
        for (Condition c : Condition.values()) {
            if (exam.has(c)) {
                wantedPerClass[half][c.index()]--;
            }
        }
        wantedExams[half]--;
        if (half == 0) {
            inFirst.add(exam);
        }
    }
}
