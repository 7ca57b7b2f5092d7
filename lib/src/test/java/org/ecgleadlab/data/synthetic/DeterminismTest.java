package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, same bytes, whatever the thread count; another seed, other data. */
class DeterminismTest {
    private static final SyntheticConfig TINY = SyntheticConfig.defaults().withSizes(2, 12, 6, 4);
    private static final List<String> FILES = List.of("code15/exams_part0.hdf5", "code15/exams_part1.hdf5",
            "code15/exams.csv", "code-test/ecg_tracings.hdf5", "code-test/annotations/gold_standard.csv",
            "audit/ecg_tracings.hdf5");

    @TempDir
    Path temp;

    @Test
    void sameSeedGivesIdenticalFilesOnOneOrTwoThreads() throws IOException {
        Path one = new SyntheticGenerator(TINY, 1, false).generate(temp.resolve("one")).dataset().root();
        Path two = new SyntheticGenerator(TINY, 2, false).generate(temp.resolve("two")).dataset().root();
        for (String file : FILES) {
            assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
        }
    }

    @Test
    void anotherSeedGivesOtherTracings() throws IOException {
        Path a = new SyntheticGenerator(TINY, 2, false).generate(temp.resolve("a")).dataset().root();
        Path b = new SyntheticGenerator(TINY.withSeed(TINY.seed() + 1), 2, false).generate(temp.resolve("b"))
                .dataset().root();
        assertFalse(Arrays.equals(Files.readAllBytes(a.resolve(FILES.get(0))), Files.readAllBytes(b.resolve(FILES.get(0)))));
    }
}
