package org.ecgleadlab.data.physionet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.DataReport;
import org.ecgleadlab.data.wfdb.CodeRawForm;
import org.ecgleadlab.data.wfdb.WfdbHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code .hea} entry of a folder is read correctly or reported naming the file: none dropped in silence. */
class HeaderEntriesTest {
    @TempDir
    Path dir;

    private String problems(DataReport report) {
        return String.join("\n", report.problems());
    }

    @Test
    void aDanglingLinkIsSkippedCountedAndNamed() throws IOException {
        WfdbFiles.write12(dir, "A0001", 1, "Dx: AF");
        Files.createSymbolicLink(dir.resolve("A0002.hea"), dir.resolve("gone/A0002.hea"));
        DataReport report = CodeDataset.open(dir).report();
        assertEquals(1, report.exams());
        assertEquals(1, report.physionet().skippedByReason().get(RecordSet.NOT_A_FILE));
        assertEquals(1, report.problemCount());
        assertTrue(problems(report).contains("A0002.hea: a dangling symbolic link"), problems(report));
        WfdbFolderTest.assertError(() -> WfdbHeader.read(dir.resolve("A0002.hea")), "A0002.hea",
                "dangling symbolic link");
    }

    @Test
    void aDirectoryNamedLikeAHeaderIsReported() throws IOException {
        WfdbFiles.write12(dir, "A0001", 1, "Dx: AF");
        Files.createDirectories(dir.resolve("A0003.hea"));
        DataReport report = CodeDataset.open(dir).report();
        assertEquals(1, report.exams());
        assertTrue(problems(report).contains("A0003.hea: a directory"), problems(report));
        WfdbFolderTest.assertError(() -> WfdbHeader.read(dir.resolve("A0003.hea")), "A0003.hea", "a directory");
    }

    @Test
    void aFifoIsReportedWithoutHanging() throws Exception {
        WfdbFiles.write12(dir, "A0001", 1, "Dx: AF");
        Path fifo = dir.resolve("A0004.hea");
        assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            DataReport report = CodeDataset.open(dir).report();
            assertEquals(1, report.exams());
            assertTrue(problems(report).contains("A0004.hea: not a regular file (a FIFO"), problems(report));
            WfdbFolderTest.assertError(() -> CodeRawForm.read(fifo), "A0004.hea", "FIFO");
        });
        // a signal file that is a FIFO: an error, not a reader blocked for ever
        Path hea = WfdbFiles.write12(dir.resolve("b"), "B0001", 1, "Dx: AF");
        Files.delete(hea.resolveSibling("B0001.dat"));
        assumeTrue(mkfifo(hea.resolveSibling("B0001.dat")));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> WfdbFolderTest.assertError(
                () -> CodeRawForm.read(hea), "B0001.dat", "FIFO"));
    }

    @Test
    void aRecordLineNamingAnotherRecordIsReadAndReported() throws IOException {
        WfdbFiles.write12(dir, "A0001", 1, "Dx: AF");
        Path other = WfdbFiles.write12(dir, "A0005", 2, "Dx: AF");
        Files.writeString(other, Files.readString(other).replaceFirst("^A0005 ", "A0009 "));
        CodeDataset data = CodeDataset.open(dir);
        assertEquals(2, data.exams().size());
        assertEquals("A0005", data.exam(ExamIds.ofRecordName("A0005")).record());
        assertEquals(1, data.report().problemCount());
        assertTrue(problems(data.report()).contains("A0005.hea: the record line names record A0009, not A0005"),
                problems(data.report()));
    }

    @Test
    void aLeadNamedTwiceIsRefusedNamingFileAndLead() throws IOException {
        WfdbFiles.write12(dir, "A0001", 1, "Dx: AF");
        Path twice = WfdbFiles.write(dir, "A0006", 500, 1000, List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1",
                "V2", "V3", "V4", "V5", "V6", "DII"), List.of("Dx: AF"), 3);
        DataReport report = CodeDataset.open(dir).report();
        assertEquals(1, report.exams());
        assertEquals(1, report.physionet().skippedByReason().get(RecordSet.DUPLICATE_LEAD));
        assertTrue(problems(report).contains("A0006.hea: lead II is named twice (signals 1 'II' and 12 'DII')"),
                problems(report));
        WfdbFolderTest.assertError(() -> CodeRawForm.read(twice), "A0006.hea", "lead II is named twice");
    }

    @Test
    void aPtbXlRowWhoseHeaderIsADanglingLinkOrNamesALeadTwiceIsReported() throws IOException {
        WfdbFiles.write12(dir.resolve("records500/00000"), "00001_hr", 1);
        Files.createSymbolicLink(dir.resolve("records500/00000/00002_hr.hea"), dir.resolve("gone.hea"));
        WfdbFiles.write(dir.resolve("records500/00000"), "00003_hr", 500, 1000, List.of("I", "II", "V1", "V2", "V3",
                "V4", "V5", "V6", "V1"), List.of(), 3);
        WfdbFiles.write(dir.resolve("records500/00000"), "00004_hr", 500, 1000, List.of("I", "II", "V1", "V2", "V3",
                "V4", "V5", "V6"), List.of(), 4);
        StringBuilder csv = new StringBuilder(PtbXlFixture.HEADER + "\n");
        for (int id = 1; id <= 4; id++) {
            csv.append(id).append(",15709.0,56.0,1,,63.0,2.0,0.0,CS-12   E,1984-11-09 09:17:34,sinusrhythmus,")
                    .append("\"{'NORM': 100.0, 'SR': 0.0}\",,,,,False,False,True,,,,,,0,3,records100/00000/0000")
                    .append(id).append("_lr,records500/00000/0000").append(id).append("_hr\n");
        }
        Files.writeString(dir.resolve(PtbXlRoot.DATABASE_CSV), csv.toString());
        CodeDataset data = CodeDataset.open(dir);
        assertEquals(List.of(1L, 4L), data.exams().stream().map(e -> e.examId()).toList());
        assertEquals(1, data.report().physionet().derivedLimbLeads(), "record 4 has I, II, V1-V6 only");
        assertEquals(1, data.report().physionet().skippedByReason().get(RecordSet.NOT_A_FILE));
        assertEquals(1, data.report().physionet().skippedByReason().get(RecordSet.DUPLICATE_LEAD));
        assertTrue(problems(data.report()).contains("00002_hr.hea: a dangling symbolic link"), problems(data.report()));
        assertTrue(problems(data.report()).contains("00003_hr.hea: lead V1 is named twice"), problems(data.report()));
    }

    static boolean mkfifo(Path path) {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
