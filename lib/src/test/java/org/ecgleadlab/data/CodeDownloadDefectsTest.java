package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.CliCapture;
import org.ecgleadlab.cli.EcgInfoCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two CODE reader defects a new user met: a part cut short by an interrupted download, an exams.csv with a BOM. */
class CodeDownloadDefectsTest {
    @TempDir
    Path dir;

    private void writeCode15(int exams) {
        long[] ids = new long[exams];
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < exams; i++) {
            ids[i] = 100 + i;
            rows.add(CodeFiles.examRow(ids[i], i, "exams_part0.hdf5", i % 2 == 0 ? "1" : "0", "0", "0", "0", "0", "0"));
        }
        CodeFiles.writePart(dir, 0, ids, CodeFiles.tracings(exams, 0));
        CodeFiles.writeLines(dir.resolve("exams.csv"), CodeFiles.EXAMS_HEADER, rows);
    }

    private static void truncate(Path file, long keep) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(keep);
        }
    }

    @Test
    void aPartCutShortIsOneLineNamingTheFileAndSayingToReDownload() throws IOException {
        writeCode15(4);
        Path part = dir.resolve("exams_part0.hdf5");
        long size = Files.size(part);
        for (long keep : new long[] {size / 2, size - 64, 4096}) {
            truncate(part, keep);
            CodeDatasetTest.assertError(() -> CodeDataset.open(dir).exams(), "exams_part0.hdf5", "re-download");
        }
    }

    @Test
    void ecgInfoOnAPartCutShortPrintsOneLine() throws IOException {
        writeCode15(4);
        Path part = dir.resolve("exams_part0.hdf5");
        truncate(part, Files.size(part) / 2);
        String printed = CliCapture.run(Cli.USER_ERROR, new EcgInfoCommand(), "--no-scan", dir.toString());
        assertEquals(1, printed.strip().lines().count(), printed);
        assertTrue(printed.contains("exams_part0.hdf5") && printed.contains("re-download"), printed);
    }

    @Test
    void examsCsvWithAByteOrderMarkIsRead() throws IOException {
        writeCode15(3);
        Path csv = dir.resolve("exams.csv");
        byte[] text = Files.readAllBytes(csv);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(csv, withBom);
        assertTrue(new String(withBom, StandardCharsets.UTF_8).startsWith("\uFEFFexam_id"));
        CodeDataset data = CodeDataset.open(dir);
        assertEquals(3, data.exams().size());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0}, data.exam(100).labels());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0}, data.exam(101).labels());
    }
}
