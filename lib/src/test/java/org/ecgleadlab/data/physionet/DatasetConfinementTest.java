package org.ecgleadlab.data.physionet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.DataReport;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.TracingReader;
import org.ecgleadlab.data.wfdb.CodeRawForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset reads only its own files: every file a header or PTB-XL's database names resolves inside its root. */
class DatasetConfinementTest {
    @TempDir
    Path tmp;

    /** A 12-lead record in {@code dataset/} whose header names its signal file as {@code fileName}. */
    private Path recordNaming(Path dataset, String fileName) throws IOException {
        Path hea = WfdbFiles.write12(dataset, "A0001", 1, "Dx: AF");
        Files.writeString(hea, Files.readString(hea).replace("A0001.dat", fileName));
        return hea;
    }

    @Test
    void aSignalFileWithDotDotOutsideTheRootIsRefusedNamingHeaderLineAndPath() throws IOException {
        WfdbFiles.write12(tmp.resolve("outside"), "x", 2);
        Path dataset = tmp.resolve("dataset");
        recordNaming(dataset, "../outside/x.dat");
        WfdbFolderTest.assertError(() -> CodeDataset.open(dataset), "A0001.hea line 2", "signal file '../outside/x.dat'",
                tmp.resolve("outside/x.dat").toRealPath().toString(), "outside the dataset root");
    }

    @Test
    void anAbsoluteSignalFileIsRefused() throws IOException {
        Path dataset = tmp.resolve("dataset");
        recordNaming(dataset, "/etc/passwd");
        WfdbFolderTest.assertError(() -> CodeDataset.open(dataset), "A0001.hea line 2", "'/etc/passwd'",
                "outside the dataset root");
        // read alone, the record is confined to the root its exam names too
        WfdbFolderTest.assertError(() -> CodeRawForm.read(dataset.resolve("A0001.hea"), dataset), "line 2",
                "outside the dataset root");
    }

    @Test
    void aSymbolicLinkPointingOutsideIsRefusedOneInsideIsRead() throws IOException {
        Path outside = WfdbFiles.write12(tmp.resolve("outside"), "A0001", 1, "Dx: AF");
        Path dataset = tmp.resolve("dataset");
        WfdbFiles.write12(dataset, "A0001", 1, "Dx: AF");
        Files.delete(dataset.resolve("A0001.dat"));
        Files.createSymbolicLink(dataset.resolve("A0001.dat"), outside.resolveSibling("A0001.dat"));
        WfdbFolderTest.assertError(() -> CodeDataset.open(dataset), "A0001.hea line 2", "outside the dataset root");

        Files.delete(dataset.resolve("A0001.dat"));
        Files.createDirectories(dataset.resolve("store"));
        Files.copy(outside.resolveSibling("A0001.dat"), dataset.resolve("store/A0001.dat"));
        Files.createSymbolicLink(dataset.resolve("A0001.dat"), Path.of("store/A0001.dat"));
        CodeDataset data = CodeDataset.open(dataset);
        assertEquals(1, data.exams().size());
        try (TracingReader reader = new TracingReader()) {
            assertEquals(4096 * 12, reader.read(data.exams().get(0)).length);
        }
    }

    @Test
    void aHeaderThatIsALinkToAFileOutsideIsRefused() throws IOException {
        Path outside = WfdbFiles.write12(tmp.resolve("outside"), "A0002", 1, "Dx: AF");
        Path dataset = tmp.resolve("dataset");
        WfdbFiles.write12(dataset, "A0001", 1, "Dx: AF");
        Files.createSymbolicLink(dataset.resolve("A0002.hea"), outside);
        WfdbFolderTest.assertError(() -> CodeDataset.open(dataset), "A0002.hea: the header file", "resolves to",
                "outside the dataset root");
    }

    @Test
    void aPtbXlFilenameOutsideTheRootIsRefusedNamingTheDatabaseLine() throws IOException {
        Path root = tmp.resolve("ptbxl");
        WfdbFiles.write12(root.resolve("records500/00000"), "00001_hr", 1);
        WfdbFiles.write12(tmp.resolve("elsewhere"), "00002_hr", 2);
        Files.writeString(root.resolve(PtbXlRoot.DATABASE_CSV), PtbXlFixture.HEADER + "\n"
                + row(1, "records500/00000/00001_hr") + row(2, "../elsewhere/00002_hr"));
        WfdbFolderTest.assertError(() -> CodeDataset.open(root), PtbXlRoot.DATABASE_CSV, "line 3", "ecg_id 2",
                "filename_hr '../elsewhere/00002_hr'", "outside the dataset root");
    }

    @Test
    void recordNamesArePathsUnderTheRoot() throws IOException {
        Path dataset = tmp.resolve("dataset");
        WfdbFiles.write12(dataset.resolve("g1"), "JS00001", 1, "Dx: AF");
        WfdbFiles.write12(dataset, "A0001", 2, "Dx: AF");
        List<ExamInfo> exams = CodeDataset.open(dataset).exams();
        assertEquals(List.of("A0001", "g1/JS00001"), exams.stream().map(ExamInfo::record).sorted().toList());
        ExamInfo js = exams.stream().filter(e -> e.record().equals("g1/JS00001")).findFirst().orElseThrow();
        assertEquals(dataset.toAbsolutePath().normalize(), js.recordRoot());

        Path root = tmp.resolve("ptbxl");
        WfdbFiles.write12(root.resolve("records500/00000"), "00001_hr", 1);
        Files.writeString(root.resolve(PtbXlRoot.DATABASE_CSV), PtbXlFixture.HEADER + "\n"
                + row(1, "records500/00000/00001_hr"));
        assertEquals("records500/00000/00001_hr", CodeDataset.open(root).exams().get(0).record());
    }

    @Test
    void aFolderLinkedFromOutsideIsNotReadAndSaidSo() throws IOException {
        Path dataset = tmp.resolve("dataset");
        WfdbFiles.write12(dataset, "A0001", 1, "Dx: AF");
        WfdbFiles.write12(tmp.resolve("outside"), "A0002", 2, "Dx: AF");
        Files.createSymbolicLink(dataset.resolve("linked"), tmp.resolve("outside"));
        CodeDataset data = CodeDataset.open(dataset);
        assertEquals(List.of("A0001"), data.exams().stream().map(ExamInfo::record).toList());
        DataReport report = data.report();
        assertEquals(1, report.problemCount());
        assertTrue(report.problems().get(0).startsWith(dataset.resolve("linked").toAbsolutePath()
                + ": a symbolic link to a folder outside the dataset root, not read"), report.problems().toString());
    }

    private static String row(int ecgId, String filenameHr) {
        return ecgId + ",15709.0,56.0,1,,63.0,2.0,0.0,CS-12   E,1984-11-09 09:17:34,sinusrhythmus,"
                + "\"{'NORM': 100.0, 'SR': 0.0}\",,,,,False,False,True,,,,,,0,3,records100/00000/00001_lr,"
                + filenameHr + "\n";
    }
}
