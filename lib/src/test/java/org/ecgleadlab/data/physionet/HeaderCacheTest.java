package org.ecgleadlab.data.physionet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PtbXlRoot's header cache answers while a header's size and mtime stay, and reads the header again when they move. */
class HeaderCacheTest {
    @TempDir
    Path dir;

    @Test
    void cachedFactsHoldUntilTheHeaderChanges() throws IOException {
        Path root = dir.resolve("ptbxl");
        Path cache = dir.resolve("cache");
        PtbXlFixture.write(root);
        RecordSet first = PtbXlRoot.open(root, PtbXlRoot.Resolution.HIGH, cache);
        assertEquals(16, first.exams().size());
        Path tsv = onlyFile(cache);
        String hea = "records500/06000/06003_hr.hea";
        // plant "missing V6" for one record under its true size and mtime: the cache, not the header, answers
        List<String> planted = Files.readAllLines(tsv).stream()
                .map(l -> l.startsWith(hea + "\t") ? l.substring(0, l.lastIndexOf('\t')) + "\tV6" : l).toList();
        Files.write(tsv, planted);
        RecordSet cached = PtbXlRoot.open(root, PtbXlRoot.Resolution.HIGH, cache);
        assertEquals(15, cached.exams().size());
        assertEquals(List.of("6003 (missing V6)"), cached.skippedExamples());
        // the header is rewritten (its mtime moves): read again, the record is back
        Path header = root.resolve(hea);
        Files.setLastModifiedTime(header, FileTime.fromMillis(Files.getLastModifiedTime(header).toMillis() + 2000));
        RecordSet reread = PtbXlRoot.open(root, PtbXlRoot.Resolution.HIGH, cache);
        assertEquals(16, reread.exams().size());
        assertEquals(first.exams(), reread.exams());
        // a header removed is absent whatever the cache says
        Files.delete(root.resolve("records500/06000/06004_hr.hea"));
        assertEquals(1, PtbXlRoot.open(root, PtbXlRoot.Resolution.HIGH, cache).missingRecords());
    }

    private static Path onlyFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size());
            return all.get(0);
        }
    }
}
