package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

/** Folds for cross-validation: a patient on one side only, every class spread, the same folds for one seed. */
class GroupedFoldsTest {
    /** 60 exams of 40 patients (some with two exams); class c on exams where (i % 6 == c), rarer for high c. */
    private static List<ExamInfo> exams() {
        List<ExamInfo> exams = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            float[] labels = new float[Condition.COUNT];
            if (i % 6 < 5 - i / 20) { // classes 0..4 in the first block, fewer later: unequal counts
                labels[i % 6] = 1;
            }
            long patient = i < 40 ? i : i - 40; // exams 40..59 belong to patients 0..19 again
            exams.add(new ExamInfo(1000 + i, patient, labels, Path.of("x.hdf5"), i, "test"));
        }
        return exams;
    }

    @Test
    void aPatientNeverSitsInTwoFoldsAndEveryClassWithKPositivesReachesEveryFold() {
        List<ExamInfo> exams = exams();
        Map<Long, Integer> fold = GroupedFolds.assign(exams, 5, 3);
        assertEquals(exams.size(), fold.size());
        Map<Long, Integer> foldOfPatient = new HashMap<>();
        for (ExamInfo e : exams) {
            Integer previous = foldOfPatient.putIfAbsent(e.patientId(), fold.get(e.examId()));
            assertTrue(previous == null || previous.equals(fold.get(e.examId())), "patient " + e.patientId());
        }
        for (Condition c : Condition.values()) {
            int[] perFold = new int[5];
            exams.stream().filter(e -> e.has(c)).forEach(e -> perFold[fold.get(e.examId())]++);
            int total = java.util.Arrays.stream(perFold).sum();
            int min = java.util.Arrays.stream(perFold).min().orElseThrow();
            int max = java.util.Arrays.stream(perFold).max().orElseThrow();
            assertTrue(max - min <= 2, c + " spread " + java.util.Arrays.toString(perFold));
            if (total >= 5) {
                assertTrue(min >= 1, c + " missing from a fold: " + java.util.Arrays.toString(perFold));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        assertEquals(GroupedFolds.assign(exams(), 5, 3), GroupedFolds.assign(exams(), 5, 3));
        assertTrue(!GroupedFolds.assign(exams(), 5, 3).equals(GroupedFolds.assign(exams(), 5, 4)));
    }

    @Test
    void tooFewPatientsOrFoldsAreRefused() {
        assertThrows(EcgLabException.class, () -> GroupedFolds.assign(exams(), 1, 3));
        assertThrows(EcgLabException.class, () -> GroupedFolds.assign(exams().subList(0, 3), 5, 3));
    }
}
