package org.ecgleadlab.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint cache answers while names, sizes and mtimes stay, and hashes again as soon as one moves. */
class DataFingerprintCacheTest {
    @TempDir
    Path dir;
    Path data;
    Path cache;

    @BeforeEach
    void files() throws IOException {
        data = dir.resolve("data");
        cache = dir.resolve("cache");
        Files.createDirectories(data.resolve("records500/00000"));
        Files.writeString(data.resolve("ptbxl_database.csv"), "ecg_id\n1\n");
        Files.writeString(data.resolve("records500/00000/00001_hr.dat"), "0123456789");
    }

    @Test
    void theCacheAnswersWhileNothingMovesAndHashesAgainWhenSomethingDoes() throws IOException {
        String first = DataFingerprint.of(data, cache);
        assertEquals(first, DataFingerprint.of(data, dir.resolve("another-cache")), "the cache changes no answer");
        Path entry = onlyEntry();
        String stat = Files.readString(entry).split(" ")[0];
        // a planted answer under the same key is returned: the content was not hashed again
        Files.writeString(entry, stat + " planted\n");
        assertEquals("planted", DataFingerprint.of(data, cache));

        Path dat = data.resolve("records500/00000/00001_hr.dat");
        FileTime mtime = Files.getLastModifiedTime(dat);
        Files.writeString(dat, "9876543210"); // same size, new content, new mtime
        String rewritten = DataFingerprint.of(data, cache);
        assertNotEquals("planted", rewritten);
        assertNotEquals(first, rewritten);
        assertEquals(DataFingerprint.of(data, dir.resolve("fresh")), rewritten);

        Files.writeString(dat, "0123456789");
        Files.setLastModifiedTime(dat, mtime);
        assertEquals(first, DataFingerprint.of(data, cache), "the original content again");

        // replaced by a rename with the same size and mtime (a new inode): hashed again, not the planted answer
        Files.writeString(onlyEntry(), Files.readString(onlyEntry()).split(" ")[0] + " planted\n");
        Path copy = dir.resolve("copy.dat");
        Files.writeString(copy, "0123456789");
        Files.setLastModifiedTime(copy, mtime);
        Files.move(copy, dat, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(first, DataFingerprint.of(data, cache));

        Files.writeString(data.resolve("records500/00000/00002_hr.dat"), "x");
        String added = DataFingerprint.of(data, cache);
        assertNotEquals(first, added);
        Files.delete(data.resolve("records500/00000/00002_hr.dat"));
        assertEquals(first, DataFingerprint.of(data, cache));
        assertEquals(1, entries().size(), "one entry per path, replaced in place");
    }

    private Path onlyEntry() throws IOException {
        List<Path> entries = entries();
        assertEquals(1, entries.size());
        return entries.get(0);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> list = Files.list(cache)) {
            return list.toList();
        }
    }
}
