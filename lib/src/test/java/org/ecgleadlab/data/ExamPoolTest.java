package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several folders joined, each record once: by id across folders, and by tracing when asked. */
class ExamPoolTest {
    private static final Path REAL = ProjectPaths.realEcg();

    @Test
    void aRecordGivenInTwoFoldersCountsOnce() {
        ExamPool pool = ExamPool.join(List.of(REAL.resolve("cpsc2018-challenge2020"), REAL), "a test", false);
        assertEquals(17, pool.exams().size());
        assertEquals(9, pool.duplicates().size());
        assertTrue(pool.duplicates().stream().allMatch(d -> d.why().equals("same exam id and tracing")));
        assertTrue(pool.exams().get(0).file().toString().contains("cpsc2018"), "the first folder's copy is kept");
    }

    @Test
    void aCopyUnderAnotherNameIsLeftOutOnlyWhenComparingTracings(@TempDir Path dir) throws IOException {
        Path source = REAL.resolve("cinc2021-samples");
        Files.copy(source.resolve("E07509.mat"), dir.resolve("E07510.mat"));
        Files.writeString(dir.resolve("E07510.hea"), Files.readString(source.resolve("E07509.hea"))
                .replace("E07509", "E07510"));
        ExamPool byContent = ExamPool.join(List.of(source, dir), "a test", true);
        assertEquals(8, byContent.exams().size());
        assertEquals("same tracing under another id", byContent.duplicates().get(0).why());
        assertTrue(byContent.duplicates().get(0).dropped().file().endsWith("E07510.hea"));
        assertEquals(9, ExamPool.join(List.of(source, dir), "a test", false).exams().size());
    }
}
