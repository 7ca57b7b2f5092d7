package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.physionet.ExamIds;
import org.ecgleadlab.data.physionet.WfdbFiles;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.report.Provenance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ecg-info's counts and exit status, predict's record column and derived-lead provenance (predict's and rank-leads')
 * on WFDB folders.
 */
class RecordNamesAndDerivedLeadsTest {
    private static final List<String> EIGHT = List.of("I", "II", "V1", "V2", "V3", "V4", "V5", "V6");

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        Progress.setQuiet(true);
    }

    @Test
    void ecgInfoCountsReadSkippedAndDerivedAndExitsOneOnAProblem() throws IOException {
        WfdbFiles.write12(dir, "A0001", 1, "Dx: AF");
        WfdbFiles.write(dir, "A0002", 500, 1000, EIGHT, List.of("Dx: AF"), 2);
        String clean = CliCapture.run(0, new EcgInfoCommand(), dir.toString());
        CliCapture.assertPrinted(clean, "records read      2, skipped 0", "derived leads     1 (records of I, II, "
                + "V1-V6 only", "problems            0");

        WfdbFiles.write(dir, "A0003", 500, 1000, List.of("I", "II", "V1"), List.of("Dx: AF"), 3);
        Files.createSymbolicLink(dir.resolve("A0004.hea"), dir.resolve("missing.hea"));
        String out = CliCapture.run(EcgInfoCommand.PROBLEMS_FOUND, new EcgInfoCommand(), dir.toString());
        CliCapture.assertPrinted(out, "records read      2, skipped 2",
                "skipped 1 without the 12 standard leads (nor I, II and V1-V6)",
                "skipped 1 whose .hea is not a plain file (dangling link, FIFO, directory)",
                "problems            1", "A0004.hea: a dangling symbolic link");
        assertTrue(!out.contains("\tat "), "no stack trace: " + out);
    }

    @Test
    void predictWritesTheRecordNameAndCountsDerivedLeadsInItsProvenance() throws IOException {
        WfdbFiles.write12(dir.resolve("data/g1"), "JS00001", 1, "Dx: AF");
        WfdbFiles.write(dir.resolve("data/g1"), "JS00002", 500, 5000, EIGHT, List.of("Dx: AF"), 2);
        Path csv = dir.resolve("out/predictions.csv");
        CliCapture.run(0, new PredictCommand(), dir.resolve("data").toString(), "--output", csv.toString(),
                "--device", "cpu");
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("exam_id,record,prob_1dAVb,"), lines.get(0));
        assertTrue(lines.get(1).startsWith(ExamIds.ofRecordName("JS00001") + ",g1/JS00001,"), lines.get(1));
        assertTrue(lines.get(2).startsWith(ExamIds.ofRecordName("JS00002") + ",g1/JS00002,"), lines.get(2));
        assertEquals(2, PredictionsFile.read(csv).size());
        Provenance provenance = Provenance.read(csv.resolveSibling("provenance.json"));
        assertEquals("1", provenance.configuration().get("derivedLimbLeadRecords"));
    }

    @Test
    void rankLeadsCountsDerivedLeadsInItsProvenance() throws IOException {
        for (int i = 1; i <= 6; i++) {
            WfdbFiles.write(dir.resolve("data"), "JS0000" + i, 500, 5000, EIGHT, List.of("Dx: AF"), i);
        }
        Path out = dir.resolve("rank");
        CliCapture.run(0, new RankLeadsCommand(), "--data", dir.resolve("data").toString(), "--exams", "2",
                "--methods", "output", "--bootstrap", "0", "--device", "cpu", "-o", out.toString());
        Provenance provenance = Provenance.read(out.resolve("provenance.json"));
        assertEquals("2", provenance.configuration().get("examsUsed"));
        assertEquals("2", provenance.configuration().get("derivedLimbLeadRecords")); // every record is 8-lead
    }
}
