package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeDatasetTest {
    private static final String NONE = "0";

    @TempDir
    Path dir;

    @Test
    void joinsLabelsByExamIdWhateverTheRowAndColumnOrder() {
        CodeFiles.writePart(dir, 0, new long[] {30, 10, 20}, CodeFiles.tracings(3, 0));
        // Rows shuffled relative to the part; columns in the real order (ST before AF); mixed label spellings.
        String header = "patient_id,AF,ST,SB,LBBB,RBBB,1dAVb,exam_id,trace_file";
        CodeFiles.writeLines(dir.resolve("exams.csv"), header, List.of(
                "7,False,TRUE,false,0,0,0,20,exams_part0.hdf5",
                "8,1,0,0,0,true,1,30,exams_part0.hdf5",
                "7,True,false,False,0,0,0,10,exams_part0.hdf5"));
        CodeDataset data = CodeDataset.open(dir);
        assertEquals(List.of(30L, 10L, 20L), data.exams().stream().map(ExamInfo::examId).toList());
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 0}, data.exam(30).labels());
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 0}, data.exam(10).labels());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1}, data.exam(20).labels());
        assertEquals(1, data.exam(10).row());
        assertEquals(7, data.exam(10).patientId());
        assertEquals(2, data.report().patients());
        assertEquals("code15", data.exam(10).source());
    }

    @Test
    void skipsAndCountsRowsWhosePartIsAbsentAndIgnoresPadding() {
        CodeFiles.writePart(dir, 2, new long[] {1, 2, 0}, CodeFiles.tracings(3, 0));
        CodeFiles.writeLines(dir.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, List.of(
                CodeFiles.examRow(1, 1, "exams_part2.hdf5"),
                CodeFiles.examRow(2, 2, "exams_part2.hdf5", "0", "0", "0", "1", "0", "0"),
                CodeFiles.examRow(3, 3, "exams_part0.hdf5"),
                CodeFiles.examRow(4, 3, "exams_part17.hdf5"),
                CodeFiles.examRow(5, 4, "exams_part0.hdf5"),
                CodeFiles.examRow(6, 4, "exams_part2.hdf5")));
        DataReport report = CodeDataset.open(dir).report();
        assertEquals(2, report.exams());
        assertEquals(3, report.skippedRows());
        assertEquals(List.of("exams_part0.hdf5", "exams_part17.hdf5"), report.absentParts());
        assertEquals(1, report.paddingRows());
        assertEquals(1, report.problemCount(), report.problems().toString());
        assertTrue(report.problems().get(0).contains("exam 6"), report.problems().toString());
    }

    @Test
    void readsCodeTestPoolWithStableIds() {
        Path codeTest = CodeFiles.writeTestFolder(dir.resolve("code-test"), CodeFiles.tracings(3, 0), null,
                List.of("0,0,0,0,0,0", "1,0,0,0,0,1", "0,0,1,0,0,0"));
        Path audit = CodeFiles.writeTestFolder(dir.resolve("audit"), CodeFiles.tracings(2, 3), null,
                List.of("0,0,0,1,0,0", "0,1,0,0,0,0"));
        CodeDataset single = CodeDataset.open(codeTest);
        assertEquals(CodeDataset.Format.CODE_TEST, single.report().format());
        assertEquals(List.of(0L, 1L, 2L), single.exams().stream().map(ExamInfo::examId).toList());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, single.exam(1).labels());

        CodeDataset pool = CodeDataset.openTestPool(List.of(codeTest, audit));
        assertEquals(5, pool.exams().size());
        assertEquals(5, pool.report().patients());
        ExamInfo auditSecond = pool.exam(CodeDataset.TEST_FOLDER_ID_STRIDE + 1);
        assertEquals("audit", auditSecond.source());
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 0}, auditSecond.labels());
        try (TracingReader reader = new TracingReader()) {
            TracingReaderTest.assertMatchesFormula(reader.read(auditSecond), 4);
        }
    }

    @Test
    void usesExamIdDatasetOfTestFolderWhenPresent() {
        Path folder = CodeFiles.writeTestFolder(dir.resolve("t"), CodeFiles.tracings(2, 0), new long[] {900, 901},
                List.of("0,0,0,0,0,0", "0,0,0,0,1,0"));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 0}, CodeDataset.open(folder).exam(901).labels());
    }

    // ---- bad input: each message names the file, the exam (where there is one) and the field ----

    @Test
    void examInPartWithoutCsvRow() {
        writeCode15(new long[] {1, 99}, List.of(row(1, "0")));
        assertError(() -> CodeDataset.open(dir), "exams_part0.hdf5", "exam 99", "exam_id", "exams.csv");
    }

    @Test
    void duplicateExamIdInCsv() {
        writeCode15(new long[] {1}, List.of(row(1, "0"), row(1, "1")));
        assertError(() -> CodeDataset.open(dir), "exams.csv", "exam 1", "exam_id", "twice");
    }

    @Test
    void duplicateExamIdAcrossParts() {
        writeCode15(new long[] {1, 2}, List.of(row(1, "0"), row(2, "0")));
        CodeFiles.writePart(dir, 1, new long[] {2}, CodeFiles.tracings(1, 0));
        assertError(() -> CodeDataset.open(dir), "exams_part1.hdf5", "exam 2", "exam_id", "exams_part0.hdf5");
    }

    @Test
    void duplicateExamIdAcrossTestPool() {
        Path a = CodeFiles.writeTestFolder(dir.resolve("a"), CodeFiles.tracings(1, 0), new long[] {5}, List.of("0,0,0,0,0,0"));
        Path b = CodeFiles.writeTestFolder(dir.resolve("b"), CodeFiles.tracings(1, 0), new long[] {5}, List.of("0,0,0,0,0,0"));
        assertError(() -> CodeDataset.openTestPool(List.of(a, b)), "ecg_tracings.hdf5", "exam 5", "exam_id");
    }

    @Test
    void badLabelValue() {
        writeCode15(new long[] {1, 2}, List.of(row(1, "0"), row(2, "yes")));
        assertError(() -> CodeDataset.open(dir), "exams.csv", "exam 2", "1dAVb", "'yes'");
    }

    @Test
    void badLabelValueInGoldStandard() {
        Path t = CodeFiles.writeTestFolder(dir.resolve("t"), CodeFiles.tracings(2, 0), null,
                List.of("0,0,0,0,0,0", "0,0,0,0,2,0"));
        assertError(() -> CodeDataset.open(t), "gold_standard.csv", "tracing row 1", "AF", "'2'");
    }

    @Test
    void missingLabelFiles() throws IOException {
        CodeFiles.writePart(dir, 0, new long[] {1}, CodeFiles.tracings(1, 0));
        assertError(() -> CodeDataset.open(dir), "exams.csv", "not found");
        Path t = CodeFiles.writeTestFolder(dir.resolve("t"), CodeFiles.tracings(1, 0), null, List.of("0,0,0,0,0,0"));
        Files.delete(t.resolve(CodeFormat.GOLD_STANDARD));
        assertError(() -> CodeDataset.open(t), "gold_standard.csv", "not found");
    }

    @Test
    void missingClassColumn() {
        CodeFiles.writePart(dir, 0, new long[] {1}, CodeFiles.tracings(1, 0));
        CodeFiles.writeLines(dir.resolve("exams.csv"), "exam_id,patient_id,1dAVb,RBBB,LBBB,SB,ST",
                List.of("1,1,0,0,0,0,0"));
        assertError(() -> CodeDataset.open(dir), "exams.csv", "'AF'", "missing");
    }

    @Test
    void missingDatasets() {
        CodeFiles.writeHdf(dir.resolve("exams_part0.hdf5"), "tracings", CodeFiles.tracings(1, 0));
        CodeFiles.writeLines(dir.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, List.of(row(1, "0")));
        assertError(() -> CodeDataset.open(dir), "exams_part0.hdf5", "'exam_id'", "missing");
        CodeFiles.writeHdf(dir.resolve("exams_part0.hdf5"), "exam_id", new long[] {1});
        assertError(() -> CodeDataset.open(dir), "exams_part0.hdf5", "'tracings'", "missing");
    }

    @Test
    void wrongShapeOrDtype() {
        CodeFiles.writeLines(dir.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, List.of(row(1, "0")));
        CodeFiles.writeHdf(dir.resolve("exams_part0.hdf5"), "tracings", new float[1][4000][12], "exam_id",
                new long[] {1});
        assertError(() -> CodeDataset.open(dir), "exams_part0.hdf5", "'tracings'", "[1, 4000, 12]", "4096");
        CodeFiles.writeHdf(dir.resolve("exams_part0.hdf5"), "tracings", new int[1][4096][12], "exam_id",
                new long[] {1});
        assertError(() -> CodeDataset.open(dir), "exams_part0.hdf5", "'tracings'", "dtype int32", "float32");
        CodeFiles.writeHdf(dir.resolve("exams_part0.hdf5"), "tracings", new float[1][4096][12], "exam_id",
                new long[] {1, 2});
        assertError(() -> CodeDataset.open(dir), "exams_part0.hdf5", "'exam_id'", "[2]");
    }

    @Test
    void goldStandardRowCountMustMatchTracings() {
        Path t = CodeFiles.writeTestFolder(dir.resolve("t"), CodeFiles.tracings(2, 0), null, List.of("0,0,0,0,0,0"));
        assertError(() -> CodeDataset.open(t), "gold_standard.csv", "1 label rows", "2 tracings");
    }

    @Test
    void emptyOrMissingDirectory() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertError(() -> CodeDataset.open(empty), "empty", "empty directory");
        assertError(() -> CodeDataset.open(dir.resolve("nowhere")), "nowhere", "not found");
        Files.writeString(empty.resolve("notes.txt"), "x");
        assertError(() -> CodeDataset.open(empty), "no CODE files", "exams.csv");
    }

    @Test
    void unknownExamId() {
        writeCode15(new long[] {1}, List.of(row(1, "0")));
        assertError(() -> CodeDataset.open(dir).exam(42), "exam 42", "exam_id");
    }

    private void writeCode15(long[] ids, List<String> rows) {
        CodeFiles.writePart(dir, 0, ids, CodeFiles.tracings(ids.length, 0));
        CodeFiles.writeLines(dir.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, new ArrayList<>(rows));
    }

    private static String row(long examId, String avb) {
        return CodeFiles.examRow(examId, examId, "exams_part0.hdf5", avb, NONE, NONE, NONE, NONE, NONE);
    }

    static void assertError(Supplier<?> action, String... fragments) {
        String message = assertThrows(EcgLabException.class, action::get).getMessage();
        assertTrue(!message.contains("\n"), "one line: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + fragment + "' missing from: " + message);
        }
    }
}
