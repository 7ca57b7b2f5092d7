package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchesTest {
    private static final int N = CodeFormat.MODEL_SAMPLES;

    @TempDir
    Path dir;
    private CodeDataset data;

    /** Ten exams with ids 100..109; exam 103 is all zeros; exam k has label SB when k is even. */
    @BeforeEach
    void writeData() {
        float[][][] tracings = CodeFiles.tracings(10, 0);
        tracings[3] = new float[CodeFormat.SAMPLES][Lead.COUNT];
        long[] ids = new long[10];
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            ids[k] = 100 + k;
            rows.add(CodeFiles.examRow(ids[k], k / 2, "exams_part0.hdf5", "0", "0", "0", k % 2 == 0 ? "1" : "0", "0",
                    "0"));
        }
        CodeFiles.writePart(dir, 0, ids, tracings);
        CodeFiles.writeLines(dir.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, rows);
        data = CodeDataset.open(dir);
    }

    @Test
    void yieldsEveryNonZeroExamOnceWithItsInputAndLabels() {
        Batches batches = Batches.builder(data.exams(), 4).shuffle(9).build();
        List<Long> seen = new ArrayList<>();
        try (Batches.Stream stream = batches.epoch(0); TracingReader reader = new TracingReader()) {
            while (stream.hasNext()) {
                Batch batch = stream.next();
                assertEquals(12, batch.channels());
                assertEquals(batch.size() * 12 * N, batch.inputs().length);
                for (int i = 0; i < batch.size(); i++) {
                    ExamInfo exam = data.exam(batch.examIds()[i]);
                    float[] expected = Preprocessing.toModelInput(reader.read(exam));
                    float[] actual = java.util.Arrays.copyOfRange(batch.inputs(), i * 12 * N, (i + 1) * 12 * N);
                    assertArrayEquals(expected, actual);
                    assertArrayEquals(exam.labels(),
                            java.util.Arrays.copyOfRange(batch.labels(), i * 6, (i + 1) * 6));
                    seen.add(exam.examId());
                }
            }
        }
        assertEquals(9, seen.size());
        assertTrue(!seen.contains(103L));
        assertEquals(List.of(103L), batches.excludedAllZero());
        assertEquals(List.of(100L, 101L, 102L, 104L, 105L, 106L, 107L, 108L, 109L), seen.stream().sorted().toList());
    }

    @Test
    void shuffleIsSeededPerEpoch() {
        Batches batches = Batches.builder(data.exams(), 3).shuffle(1).zeroExams(ZeroExamPolicy.KEEP).build();
        List<Long> first = ids(batches, 0);
        assertEquals(10, first.size());
        assertEquals(first, ids(batches, 0));
        assertNotEquals(first, ids(batches, 1));
        assertEquals(first, ids(Batches.builder(data.exams(), 3).shuffle(1).zeroExams(ZeroExamPolicy.KEEP).build(), 0));
        assertEquals(List.of(100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L, 109L),
                ids(Batches.builder(data.exams(), 3).zeroExams(ZeroExamPolicy.KEEP).build(), 0));
    }

    @Test
    void selectedLeadsAndDropLast() {
        InputTransform v1AndI = InputTransform.selected(List.of(Lead.V1, Lead.I));
        Batches batches = Batches.builder(data.exams(), 4).transform(v1AndI).dropLast(true)
                .zeroExams(ZeroExamPolicy.KEEP).prefetch(1).build();
        assertEquals(2, batches.batchesPerEpoch());
        try (Batches.Stream stream = batches.epoch(0); TracingReader reader = new TracingReader()) {
            Batch batch = stream.next();
            assertEquals(2, batch.channels());
            assertEquals(4 * 2 * N, batch.inputs().length);
            float[] full = Preprocessing.toModelInput(reader.read(data.exam(batch.examIds()[1])));
            assertEquals(full[Lead.V1.channel() * N + 10], batch.inputs()[2 * N + 10]);
            assertEquals(full[Lead.I.channel() * N + 10], batch.inputs()[3 * N + 10]);
            assertEquals(4, stream.next().size());
            assertTrue(!stream.hasNext());
        }
    }

    @Test
    void closingEarlyStopsThePrefetchThread() throws InterruptedException {
        Batches batches = Batches.builder(data.exams(), 1).prefetch(1).build();
        try (Batches.Stream stream = batches.epoch(0)) {
            stream.next();
        }
        Thread.sleep(50);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("ecg-batch-prefetch")),
                "prefetch thread still running");
    }

    @Test
    void badTracingSurfacesOnTheCallersThread() {
        float[][][] tracings = CodeFiles.tracings(2, 0);
        tracings[1][5][0] = Float.POSITIVE_INFINITY;
        Path other = dir.resolve("inf");
        CodeFiles.writePart(other, 0, new long[] {1, 2}, tracings);
        CodeFiles.writeLines(other.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, List.of(
                CodeFiles.examRow(1, 1, "exams_part0.hdf5", "0", "0", "0", "0", "0", "0"),
                CodeFiles.examRow(2, 2, "exams_part0.hdf5", "0", "0", "0", "0", "0", "0")));
        Batches batches = Batches.builder(CodeDataset.open(other).exams(), 2).build();
        try (Batches.Stream stream = batches.epoch(0)) {
            CodeDatasetTest.assertError(stream::next, "exams_part0.hdf5", "exam 2", "lead I", "sample 5", "Infinity");
        }
    }

    private static List<Long> ids(Batches batches, int epoch) {
        List<Long> ids = new ArrayList<>();
        try (Batches.Stream stream = batches.epoch(epoch)) {
            stream.forEachRemaining(b -> {
                for (long id : b.examIds()) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }
}
