package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitsTest {
    @TempDir
    Path dir;

    /** 1,000+ exams: patients with 1–6 exams each, some exams of unknown patient, sparse co-occurring labels. */
    static List<ExamInfo> exams(long seed, boolean knownPatients) {
        Random random = new Random(seed);
        double[] prevalence = {0.04, 0.05, 0.03, 0.02, 0.015, 0.045}; // roughly CODE-TEST's
        List<ExamInfo> exams = new ArrayList<>();
        long examId = 1;
        for (int patient = 0; exams.size() < 1000; patient++) {
            int count = knownPatients ? 1 + random.nextInt(6) : 1;
            for (int k = 0; k < count; k++) {
                float[] labels = new float[Condition.COUNT];
                for (int c = 0; c < Condition.COUNT; c++) {
                    labels[c] = random.nextDouble() < prevalence[c] ? 1 : 0;
                }
                if (labels[Condition.RBBB.index()] == 1 && random.nextBoolean()) {
                    labels[Condition.AVB1.index()] = 1; // a plausible co-occurrence
                }
                long patientId = knownPatients && random.nextInt(20) != 0 ? patient : ExamInfo.UNKNOWN_PATIENT;
                exams.add(new ExamInfo(examId++, patientId, labels, Path.of("p.hdf5"), exams.size(), "t"));
            }
        }
        return exams;
    }

    @Test
    void patientSplitHasNoLeakageAndIsSeeded() {
        List<ExamInfo> exams = exams(1, true);
        Splits.TrainValidation split = Splits.byPatient(exams, 0.1, 42);
        Set<String> trainPatients = new HashSet<>();
        split.train().forEach(e -> trainPatients.add(e.patientKey()));
        for (ExamInfo exam : split.validation()) {
            assertTrue(!trainPatients.contains(exam.patientKey()), "patient on both sides: " + exam.patientKey());
        }
        assertEquals(exams.size(), split.train().size() + split.validation().size());
        assertEquals(0.1 * exams.size(), split.validation().size(), 6.0); // at most one patient's exams over
        assertTrue(split.validation().stream().anyMatch(e -> !e.hasKnownPatient()), "unknown patients split too");

        List<ExamInfo> shuffled = new ArrayList<>(exams);
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(sortedIds(split.validation()), sortedIds(Splits.byPatient(shuffled, 0.1, 42).validation()));
        assertNotEquals(ids(split.validation()), ids(Splits.byPatient(exams, 0.1, 43).validation()));
    }

    @Test
    void testHalvesAreBalancedPerClass() {
        for (long seed = 0; seed < 5; seed++) {
            List<ExamInfo> pool = exams(10 + seed, false);
            Splits.TestHalves halves = Splits.stratifiedHalves(pool, seed);
            assertEquals(pool.size(), halves.interpretability().size() + halves.evaluation().size());
            assertTrue(Math.abs(halves.interpretability().size() - halves.evaluation().size()) <= 1, "sizes");
            for (Condition c : Condition.values()) {
                long a = halves.interpretability().stream().filter(e -> e.has(c)).count();
                long b = halves.evaluation().stream().filter(e -> e.has(c)).count();
                assertTrue(a + b > 0, "class " + c + " present");
                assertTrue(Math.abs(a - b) <= 1, "class " + c + ": " + a + " vs " + b + " (seed " + seed + ")");
            }
            Set<Long> first = new HashSet<>(ids(halves.interpretability()));
            assertTrue(halves.evaluation().stream().noneMatch(e -> first.contains(e.examId())), "disjoint");
        }
        List<ExamInfo> pool = exams(10, false);
        assertEquals(ids(Splits.stratifiedHalves(pool, 1).evaluation()),
                ids(Splits.stratifiedHalves(pool, 1).evaluation()));
        assertNotEquals(ids(Splits.stratifiedHalves(pool, 1).evaluation()),
                ids(Splits.stratifiedHalves(pool, 2).evaluation()));
    }

    @Test
    void membershipRoundTripsThroughCsv() {
        List<ExamInfo> exams = exams(5, true);
        Splits.TrainValidation split = Splits.byPatient(exams, 0.1, 7);
        SplitMembership membership = split.membership();
        Path csv = dir.resolve("runs/splits.csv");
        membership.save(csv);
        SplitMembership loaded = SplitMembership.load(csv);
        assertEquals(membership, loaded);
        assertEquals(ids(split.validation()), ids(loaded.select(exams, Splits.VALIDATION)));
        assertEquals(ids(split.train()), ids(loaded.select(exams, Splits.TRAIN)));
        CodeDatasetTest.assertError(() -> SplitMembership.load(dir.resolve("none.csv")), "none.csv", "not found");
    }

    private static List<Long> sortedIds(List<ExamInfo> exams) {
        return ids(exams).stream().sorted().toList();
    }

    private static List<Long> ids(List<ExamInfo> exams) {
        return exams.stream().map(ExamInfo::examId).toList();
    }
}
