package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.synthetic.GenerationManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jbang generate-data} writes what its options say, skips an up-to-date folder, and rejects bad options. */
class GenerateDataCommandTest {
    @TempDir
    Path temp;

    private String run(int expectedExit, String... args) {
        return CliCapture.run(expectedExit, new GenerateDataCommand(), args);
    }

    @Test
    void writesTheRequestedSizesAndReportsSpeed() {
        Path out = temp.resolve("gen");
        String printed = run(0, "--out", out.toString(), "--parts", "2", "--exams-per-part", "5", "--code-test", "3",
                "--audit", "2", "--prevalence", "AF=0.2", "--seed", "5", "--threads", "1");
        assertTrue(printed.contains("exams/s"), printed);
        assertTrue(printed.contains("code15/exams_part1.hdf5"), printed);
        GenerationManifest manifest = GenerationManifest.readFrom(out);
        assertEquals(15, manifest.exams());
        assertEquals(0.2, manifest.config().prevalences().af());
        assertEquals(5, manifest.config().seed());
        assertTrue(Files.isRegularFile(out.resolve("audit/ecg_tracings.hdf5")));

        String again = run(0, "--output", out.toString(), "--parts", "2", "--exams-per-part", "5", "--code-test", "3",
                "--audit", "2", "--prevalence", "AF=0.2", "--seed", "5");
        assertTrue(again.contains("up to date"), again);
    }

    @Test
    void generatorVersionIsWrittenOrRefused() {
        Path out = temp.resolve("v3");
        run(0, "-o", out.toString(), "--generator-version", "3", "--parts", "1", "--exams-per-part", "4",
                "--code-test", "1", "--audit", "1", "--workers", "1");
        assertEquals(3, GenerationManifest.readFrom(out).version());
        assertTrue(run(0, "-o", out.toString(), "--generator-version", "3", "--parts", "1", "--exams-per-part", "4",
                "--code-test", "1", "--audit", "1").contains("up to date"));
        String printed = run(Cli.USER_ERROR, "-o", temp.resolve("v9").toString(), "--generator-version", "9");
        assertTrue(printed.contains("generator version 9"), printed);
        assertEquals(1, printed.strip().lines().count(), printed);
    }

    @Test
    void badOptionsAreOneLineErrors() {
        String printed = run(Cli.USER_ERROR, "--out", temp.resolve("x").toString(), "--prevalence", "RBBB=0.7,LBBB=0.6");
        assertTrue(printed.contains("RBBB + LBBB"), printed);
        assertEquals(1, printed.strip().lines().count(), printed);
        String zero = run(Cli.USER_ERROR, "--out", temp.resolve("y").toString(), "--parts", "0");
        assertTrue(zero.contains("parts is 0"), zero);
    }

    @Test
    void layoutsAndExamsWritePhysioNetFoldersAndCode15Parts() {
        Path ptbxl = temp.resolve("ptbxl");
        String printed = run(0, "--layout", "ptbxl", "--exams", "12", "-o", ptbxl.toString(), "--workers", "1");
        assertTrue(printed.contains("ptbxl_database.csv written last"), printed);
        CodeDataset root = CodeDataset.open(ptbxl);
        assertEquals(CodeDataset.Format.PTBXL, root.report().format());
        assertEquals(12, root.exams().size());
        assertTrue(run(0, "--layout", "ptbxl", "--exams", "12", "-o", ptbxl.toString()).contains("up to date"));

        Path code = temp.resolve("code");
        run(0, "--exams", "12", "--exams-per-part", "5", "--code-test", "1", "--audit", "1", "-o", code.toString());
        assertEquals(12, GenerationManifest.readFrom(code).config().code15Exams());
        assertEquals(3, GenerationManifest.readFrom(code).config().parts());

        String refused = run(Cli.USER_ERROR, "--layout", "challenge", "--exams", "3", "--audit", "2", "-o",
                temp.resolve("c").toString());
        assertTrue(refused.contains("[--audit] do not apply to --layout challenge"), refused);
        String uneven = run(Cli.USER_ERROR, "--exams", "11", "--exams-per-part", "5", "-o", code.toString());
        assertTrue(uneven.contains("--exams 11"), uneven);
        String unknown = run(Cli.USER_ERROR, "--layout", "mimic", "-o", temp.resolve("m").toString());
        assertTrue(unknown.contains("unknown layout"), unknown);
    }
}
