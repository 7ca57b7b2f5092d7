package org.ecgleadlab.data.physionet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.TracingReader;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WfdbFolderTest {
    @TempDir
    Path dir;

    static void assertError(Supplier<?> action, String... fragments) {
        String message = assertThrows(EcgLabException.class, action::get).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + fragment + "' missing from: " + message);
        }
    }

    @Test
    void opensRecordsInSubfoldersWithLabelsPatientsAndIds() {
        WfdbFiles.write12(dir.resolve("cpsc"), "A0001", 1, "Age: 74", "Dx: RBBB");
        WfdbFiles.write12(dir.resolve("cpsc"), "A0002", 2, "Dx: Normal");
        WfdbFiles.write12(dir.resolve("georgia/g1"), "E00001", 3, "Dx: 164889003,164890007,713426002");
        WfdbFiles.write12(dir.resolve("code15"), "4242", 4, "Exam ID: 4242", "Patient ID: 77");
        CodeDataset data = CodeDataset.open(dir);
        assertEquals(CodeDataset.Format.WFDB, data.report().format());
        assertTrue(data.labelled());
        assertEquals(4, data.exams().size());
        ExamInfo a1 = data.exam(1_000_000_001L);
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 0}, a1.labels());
        assertEquals("cpsc", a1.source());
        assertEquals(0, a1.row());
        assertEquals("A0001.hea", a1.file().getFileName().toString());
        ExamInfo e1 = data.exam(ExamIds.ofRecordName("E00001"));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 0}, e1.labels()); // flutter and incomplete RBBB: not counted
        assertEquals("georgia/g1", e1.source());
        assertEquals(77, data.exam(4242).patientId());
        assertEquals(ExamInfo.UNKNOWN_PATIENT, a1.patientId());
        assertEquals(4, data.report().patients());
        assertEquals(1, data.report().physionet().withoutLabels()); // 4242 has no #Dx
        assertEquals(3, data.report().physionet().otherCodeCount()); // Normal, 164890007, 713426002
    }

    @Test
    void streamsRecordsInCodeRawForm() {
        WfdbFiles.write(dir, "400hz", 400, 4000, WfdbFiles.TWELVE, List.of(), 5);
        CodeDataset data = CodeDataset.open(dir);
        float[] raw;
        try (TracingReader reader = new TracingReader()) {
            raw = reader.read(data.exams().get(0));
        }
        assertEquals(CodeFormat.TRACING_VALUES, raw.length);
        // 4000 samples at 400 Hz: copied, centred with 48 zero rows before; lead V1 (channel 6) of sample 10
        assertEquals(0f, raw[47 * 12 + 6]);
        assertEquals(WfdbFiles.value(5, 10, 6, 400) / 1000f, raw[(48 + 10) * 12 + 6], 1e-6f);
    }

    @Test
    void recordsWithoutTheTwelveLeadsAreSkippedAndCounted() {
        WfdbFiles.write12(dir, "A0001", 1, "Dx: AF");
        WfdbFiles.write(dir, "A0002", 500, 1000, List.of("I", "II", "V1"), List.of("Dx: AF"), 2);
        CodeDataset data = CodeDataset.open(dir);
        assertEquals(1, data.exams().size());
        assertEquals(1, data.report().physionet().skippedNoLeads());
        assertTrue(data.report().physionet().skippedExamples().get(0).startsWith("A0002 (missing V2, V3"), // III, aVR, aVL, aVF derivable
                data.report().physionet().skippedExamples().toString());
    }

    @Test
    void aFolderWithoutAnyDxIsUnlabelled() {
        WfdbFiles.write12(dir, "11111", 1, "Exam ID: 11111", "Patient ID: 5", "Chagas label: False");
        CodeDataset data = CodeDataset.open(dir);
        assertFalse(data.labelled());
        assertEquals(0, data.report().physionet().withoutLabels());
        assertError(() -> data.requireLabels("training"), dir.toString(), "no labels", "#Dx", "training");
    }

    @Test
    void duplicateRecordNamesAreAnErrorNamingBothFiles() {
        Path first = WfdbFiles.write12(dir.resolve("a"), "A0001", 1, "Dx: AF");
        Path second = WfdbFiles.write12(dir.resolve("b"), "A0001", 2, "Dx: AF");
        assertError(() -> CodeDataset.open(dir), first.toString(), second.toString(), "record A0001",
                "unique");
    }

    @Test
    void duplicateExamIdsAreAnErrorNamingBothFiles() {
        WfdbFiles.write12(dir, "A0001", 1, "Dx: AF");
        WfdbFiles.write12(dir, "A1", 2, "Dx: AF"); // the same id: leading zeros are not kept
        assertError(() -> CodeDataset.open(dir), "A0001.hea", "A1.hea", "exam id 1000000001", "unique");
    }

    @Test
    void aHeaderNamingAnotherRecordTakesItsIdFromItsOwnName() throws IOException {
        WfdbFiles.write12(dir, "9190", 1, "Exam ID: 9190", "Patient ID: 5");
        Path copy = WfdbFiles.write12(dir, "9190_low_sample_rate", 1, "Exam ID: 9190", "Patient ID: 5");
        Files.writeString(copy, Files.readString(copy).replaceFirst("9190_low_sample_rate 12 500", "9190 12 300")
                .replace("9190_low_sample_rate.dat", "9190.dat"));
        CodeDataset data = CodeDataset.open(dir);
        assertEquals(2, data.exams().size());
        assertEquals(5, data.exam(ExamIds.ofRecordName("9190_low_sample_rate")).patientId());
        assertEquals(1, data.report().patients());
    }

    @Test
    void emptyFoldersAndFoldersWithoutRecordsAreOneLineErrors() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertError(() -> CodeDataset.open(empty), "empty directory");
        Files.createDirectories(empty.resolve("sub"));
        Files.writeString(empty.resolve("sub/notes.txt"), "x");
        assertError(() -> CodeDataset.open(empty), "no CODE files and no WFDB records", ".hea");
    }
}
