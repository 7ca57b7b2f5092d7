package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lead dropout: deterministic, never empty, the documented distribution, and applied by the batches. */
class LeadDropoutTest {
    private static final int DRAWS = 120_000;

    @Test
    void aRowsSubsetDependsOnlyOnSeedEpochAndExamAndIsNeverEmpty() {
        LeadDropout dropout = LeadDropout.perEpoch(5, 0);
        int changedWithEpoch = 0;
        for (long exam = 0; exam < 1000; exam++) {
            int mask = dropout.keptMask(3, exam);
            assertEquals(mask, LeadDropout.perEpoch(5, 0).keptMask(3, exam), "same inputs, same subset");
            assertTrue(mask > 0 && mask <= LeadDropout.ALL_LEADS, "a non-empty 12-bit mask: " + mask);
            if (dropout.keptMask(4, exam) != mask) {
                changedWithEpoch++;
            }
            assertEquals(dropout.fixed().keptMask(1, exam), dropout.fixed().keptMask(9, exam),
                    "validation masks stay fixed across epochs");
        }
        assertTrue(changedWithEpoch > 900, "a new epoch draws new subsets: " + changedWithEpoch);
        long sameUnderAnotherSeed = java.util.stream.LongStream.range(0, 1000)
                .filter(exam -> dropout.keptMask(1, exam) == LeadDropout.perEpoch(6, 0).keptMask(1, exam)).count();
        assertTrue(sameUnderAnotherSeed < 100, "another seed, other subsets: " + sameUnderAnotherSeed + " equal");
    }

    @Test
    void sizesAreUniformOnOneToTwelveAndSubsetsUniformWithinASize() {
        LeadDropout dropout = LeadDropout.perEpoch(11, 0);
        long[] sizes = new long[Lead.COUNT];
        Map<Integer, Long> pairs = new HashMap<>();
        long[] singles = new long[Lead.COUNT];
        for (int row = 0; row < DRAWS; row++) {
            int mask = dropout.keptMask(1, row);
            int size = Integer.bitCount(mask);
            sizes[size - 1]++;
            if (size == 1) {
                singles[Integer.numberOfTrailingZeros(mask)]++;
            } else if (size == 2) {
                pairs.merge(mask, 1L, Long::sum);
            }
        }
        // Seeded draws, so these p-values are fixed numbers; a wrong distribution gives p ~ 0 at these counts.
        assertUniform(sizes, "sizes 1..12");
        assertUniform(singles, "the 12 single leads");
        assertEquals(66, pairs.size(), "every pair occurs");
        assertUniform(pairs.values().stream().mapToLong(Long::longValue).toArray(), "the 66 pairs");
        assertEquals(DRAWS / 12.0, sizes[0], 4 * Math.sqrt(DRAWS / 12.0), "a single lead in 1/12 of the rows");
    }

    @Test
    void aFullLeadShareKeepsAllTwelveInThatShareOfRowsOnTopOfSizeTwelve() {
        LeadDropout dropout = LeadDropout.perEpoch(2, 0.25);
        long full = 0;
        for (int row = 0; row < DRAWS; row++) {
            if (dropout.keptMask(1, row) == LeadDropout.ALL_LEADS) {
                full++;
            }
        }
        double expected = 0.25 + 0.75 / 12;
        assertEquals(expected, full / (double) DRAWS, 4 * Math.sqrt(expected * (1 - expected) / DRAWS));
        assertThrows(EcgLabException.class, () -> LeadDropout.perEpoch(2, 1.5));
    }

    @Test
    void batchesZeroTheDroppedLeadsOfEachExamAndLeaveTheKeptOnesUntouched(@TempDir Path dir) {
        float[][][] tracings = CodeFiles.tracings(6, 0);
        long[] ids = new long[6];
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            ids[k] = 200 + k;
            rows.add(CodeFiles.examRow(ids[k], k, "exams_part0.hdf5", "0", "0", "0", "0", "0", "0"));
        }
        CodeFiles.writePart(dir, 0, ids, tracings);
        CodeFiles.writeLines(dir.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, rows);
        List<ExamInfo> exams = CodeDataset.open(dir).exams();
        LeadDropout dropout = LeadDropout.perEpoch(3, 0);
        Batch plain = first(Batches.builder(exams, 6).build(), 2);
        Batch dropped = first(Batches.builder(exams, 6).leadDropout(dropout).build(), 2);
        int n = CodeFormat.MODEL_SAMPLES;
        for (int i = 0; i < dropped.size(); i++) {
            int mask = dropout.keptMask(2, dropped.examIds()[i]);
            for (int lead = 0; lead < Lead.COUNT; lead++) {
                int from = (i * Lead.COUNT + lead) * n;
                float[] got = Arrays.copyOfRange(dropped.inputs(), from, from + n);
                float[] expected = (mask & (1 << lead)) != 0 ? Arrays.copyOfRange(plain.inputs(), from, from + n)
                        : new float[n];
                assertArrayEquals(expected, got, "exam " + dropped.examIds()[i] + " lead " + lead);
            }
        }
        assertThrows(EcgLabException.class, () -> Batches.builder(exams, 6)
                .transform(InputTransform.selected(List.of(Lead.V1))).leadDropout(dropout).build());
    }

    private static Batch first(Batches batches, int epoch) {
        try (Batches.Stream stream = batches.epoch(epoch)) {
            return stream.next();
        }
    }

    private static void assertUniform(long[] counts, String what) {
        double[] expected = new double[counts.length];
        Arrays.fill(expected, Arrays.stream(counts).sum() / (double) counts.length);
        double p = new ChiSquareTest().chiSquareTest(expected, counts);
        assertTrue(p > 1e-3, what + " look uniform (chi-square p = " + p + "): " + Arrays.toString(counts));
    }
}
