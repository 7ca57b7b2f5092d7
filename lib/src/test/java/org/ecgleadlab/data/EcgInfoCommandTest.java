package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.CliCapture;
import org.ecgleadlab.cli.EcgInfoCommand;
import org.ecgleadlab.report.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcgInfoCommandTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        Progress.setQuiet(true);
    }

    /** Exams 10..14: 11 all zeros, 12 a 7-s recording centred in 4096 samples, 13 has a NaN; one row's part absent. */
    private void writeData() {
        float[][][] tracings = CodeFiles.tracings(5, 0);
        tracings[1] = new float[CodeFormat.SAMPLES][Lead.COUNT];
        for (int s = 0; s < CodeFormat.SAMPLES; s++) {
            if (s < 648 || s >= 648 + 2800) {
                tracings[2][s] = new float[Lead.COUNT];
            }
        }
        tracings[3][100][Lead.AVF.channel()] = Float.NaN;
        CodeFiles.writePart(dir, 0, new long[] {10, 11, 12, 13, 14}, tracings);
        CodeFiles.writeLines(dir.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, List.of(
                CodeFiles.examRow(10, 1, "exams_part0.hdf5", "1", "0", "0", "0", "0", "0"),
                CodeFiles.examRow(11, 1, "exams_part0.hdf5"),
                CodeFiles.examRow(12, 2, "exams_part0.hdf5", "0", "0", "0", "0", "1", "0"),
                CodeFiles.examRow(13, 3, "exams_part0.hdf5"),
                CodeFiles.examRow(14, 4, "exams_part0.hdf5", "1", "0", "0", "0", "0", "0"),
                CodeFiles.examRow(15, 5, "exams_part5.hdf5")));
    }

    @Test
    void summarisesExamsPatientsPrevalenceAndProblems() {
        writeData();
        // the NaN exam is a problem: exit 1, as checkers do
        String out = CliCapture.run(EcgInfoCommand.PROBLEMS_FOUND, new EcgInfoCommand(), dir.toString());
        CliCapture.assertPrinted(out, "CODE-15%", "exams             5", "patients          4",
                "skipped CSV rows  1 (part files absent: exams_part5.hdf5)");
        assertTrue(out.matches("(?s).*1dAVb .*\\s2\\s+40\\.0%.*"), out);
        CliCapture.assertPrinted(out, "7-s, zero-padded  1 (exam 12)", "all-zero          1 (exam 11)",
                "problems            1");
        assertTrue(out.contains("exam 13") && out.contains("lead aVF") && out.contains("sample 100"), out);
    }

    @Test
    void dumpPrintsEveryValueExactly() {
        writeData();
        String[] lines = CliCapture.runStandardOutput(0, new EcgInfoCommand(), "--dump", "14", dir.toString())
                .split("\n");
        assertEquals(CodeFormat.SAMPLES + 1, lines.length);
        assertEquals("I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6", lines[0]);
        for (int s = 0; s < CodeFormat.SAMPLES; s++) {
            String[] values = lines[s + 1].split(",");
            assertEquals(Lead.COUNT, values.length);
            for (int l = 0; l < Lead.COUNT; l++) {
                assertEquals(CodeFiles.value(4, s, l), Float.parseFloat(values[l]));
            }
        }
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String message = CliCapture.run(Cli.USER_ERROR, new EcgInfoCommand(), empty.toString()).strip();
        assertTrue(message.startsWith("ecg-info: error: ") && message.contains("empty directory")
                && !message.contains("\n"), message);
    }
}
