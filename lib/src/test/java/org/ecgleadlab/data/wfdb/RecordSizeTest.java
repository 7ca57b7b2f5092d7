package org.ecgleadlab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a header promises is checked against the signal files and the free memory before anything is allocated:
 * sparse files (RandomAccessFile.setLength, no disk blocks) stand in for huge downloads.
 */
class RecordSizeTest {
    private static final List<String> LEADS = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4",
            "V5", "V6");

    @TempDir
    Path dir;

    /** A header of {@code files} format-16 signal files (one signal each, sparse, {@code bytes} long). */
    private Path sparseRecord(int files, long samples, long bytes) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("BIG " + files + " 500 " + samples);
        for (int s = 0; s < files; s++) {
            String name = "BIG_" + s + ".dat";
            try (RandomAccessFile file = new RandomAccessFile(dir.resolve(name).toFile(), "rw")) {
                file.setLength(bytes);
            }
            lines.add(name + " 16 1000/mV 16 0 0 0 0 " + LEADS.get(s));
        }
        return Files.writeString(dir.resolve("BIG.hea"), String.join("\n", lines) + "\n");
    }

    private static String error(Runnable action) {
        String message = assertThrows(EcgLabException.class, action::run).getMessage();
        assertFalse(message.contains("\n"), message);
        return message;
    }

    @Test
    void twelveSparseFilesOf1point8GbAreRefusedAtOnce() throws IOException {
        long bytes = 1_800_000_000L;
        Path hea = sparseRecord(12, bytes / 2, bytes);
        String message = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> error(() -> CodeRawForm.read(hea)));
        assertTrue(message.startsWith(hea + ": record BIG promises 900000000 samples × 12 signals"), message);
        assertTrue(message.contains("MB of memory are free"), message);
    }

    @Test
    void theHeapCheckIsTheSameOnAnyHeap() throws IOException {
        Path hea = sparseRecord(2, 2_000_000, 4_000_000); // 8 MB read + 2 × 2e6 × (4 + 2 × 4) bytes decoded
        WfdbHeader header = WfdbHeader.read(hea);
        String message = error(() -> WfdbRecord.read(header, new int[] {0, 1}, 10_000_000));
        assertTrue(message.contains("promises 2000000 samples × 2 signals (56 MB to hold) but only 10 MB"), message);
        assertEquals(2_000_000, WfdbRecord.read(header, new int[] {0, 1}, 60_000_000).samples());
    }

    @Test
    void aPromiseLargerThanTheFileIsATruncationBeforeAnyAllocation() throws IOException {
        Path hea = sparseRecord(2, 1_000_000_000, 1000); // 1e9 samples promised, 500 held
        WfdbHeader header = WfdbHeader.read(hea);
        String message = error(() -> WfdbRecord.read(header, new int[] {0, 1}, Long.MAX_VALUE));
        assertTrue(message.contains("BIG_0.dat") && message.contains("holds 500 samples per signal but the header says "
                + "1000000000"), message);
    }

    @Test
    void aHugeHeaderFileIsNotReadIntoMemory() throws IOException {
        Path hea = dir.resolve("HUGE.hea");
        try (RandomAccessFile file = new RandomAccessFile(hea.toFile(), "rw")) {
            file.setLength(3_000_000_000L);
        }
        assertTrue(error(() -> WfdbHeader.read(hea)).contains("too large for a WFDB header"));
    }
}
