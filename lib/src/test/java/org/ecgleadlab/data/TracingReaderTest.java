package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracingReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsContiguousRowsInAnyOrder() {
        CodeFiles.writePart(dir, 0, new long[] {5, 6, 7, 8}, CodeFiles.tracings(4, 0));
        CodeFiles.writeLines(dir.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, List.of(
                CodeFiles.examRow(5, 1, "exams_part0.hdf5", "0", "0", "0", "0", "0", "0"),
                CodeFiles.examRow(6, 1, "exams_part0.hdf5", "0", "0", "0", "0", "0", "0"),
                CodeFiles.examRow(7, 2, "exams_part0.hdf5", "0", "0", "0", "0", "0", "0"),
                CodeFiles.examRow(8, 3, "exams_part0.hdf5", "0", "0", "0", "0", "0", "0")));
        List<ExamInfo> exams = CodeDataset.open(dir).exams();
        List<ExamInfo> shuffled = List.of(exams.get(2), exams.get(0), exams.get(3), exams.get(1));
        try (TracingReader reader = new TracingReader()) {
            List<float[]> tracings = reader.readAll(shuffled);
            for (int k = 0; k < shuffled.size(); k++) {
                assertMatchesFormula(tracings.get(k), shuffled.get(k).row());
            }
            assertMatchesFormula(reader.read(exams.get(3)), 3);
        }
    }

    @Test
    void readsChunkedGzipFileWrittenByH5py() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/data/chunked_gzip_part.hdf5")) {
            Files.copy(in, dir.resolve("exams_part3.hdf5"));
        }
        CodeFiles.writeLines(dir.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, List.of(
                CodeFiles.examRow(103, 9, "exams_part3.hdf5", "0", "0", "0", "0", "0", "1"),
                CodeFiles.examRow(101, 9, "exams_part3.hdf5", "1", "0", "0", "0", "0", "0"),
                CodeFiles.examRow(102, 8, "exams_part3.hdf5", "0", "0", "0", "0", "0", "0")));
        List<ExamInfo> exams = CodeDataset.open(dir).exams();
        assertEquals(List.of(101L, 102L, 103L), exams.stream().map(ExamInfo::examId).toList());
        try (TracingReader reader = new TracingReader()) {
            List<float[]> all = reader.readAll(exams);
            for (int e = 0; e < 3; e++) {
                assertMatchesFormula(all.get(e), e);
            }
            assertMatchesFormula(reader.read(exams.get(1)), 1); // one row from chunks shared with rows 0 and 2
        }
    }

    @Test
    void nanInTracingNamesFileExamLeadAndSample() {
        float[][][] tracings = CodeFiles.tracings(2, 0);
        tracings[1][7][Lead.V2.channel()] = Float.NaN;
        CodeFiles.writePart(dir, 0, new long[] {11, 12}, tracings);
        CodeFiles.writeLines(dir.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, List.of(
                CodeFiles.examRow(11, 1, "exams_part0.hdf5", "0", "0", "0", "0", "0", "0"),
                CodeFiles.examRow(12, 2, "exams_part0.hdf5", "0", "0", "0", "0", "0", "0")));
        List<ExamInfo> exams = CodeDataset.open(dir).exams();
        try (TracingReader reader = new TracingReader()) {
            assertMatchesFormula(reader.read(exams.get(0)), 0);
            String message = assertThrows(EcgLabException.class, () -> reader.readAll(exams)).getMessage();
            assertTrue(message.contains("exams_part0.hdf5") && message.contains("exam 12")
                    && message.contains("lead V2") && message.contains("sample 7") && message.contains("tracings"),
                    message);
        }
    }

    /** Checks a time-major tracing against {@link CodeFiles#value} for stored exam index {@code exam}. */
    static void assertMatchesFormula(float[] tracing, int exam) {
        assertEquals(CodeFormat.TRACING_VALUES, tracing.length);
        for (int s = 0; s < CodeFormat.SAMPLES; s++) {
            for (int l = 0; l < Lead.COUNT; l++) {
                float expected = CodeFiles.value(exam, s, l);
                if (tracing[s * Lead.COUNT + l] != expected) {
                    assertEquals(expected, tracing[s * Lead.COUNT + l], "exam " + exam + " sample " + s + " lead " + l);
                }
            }
        }
    }
}
