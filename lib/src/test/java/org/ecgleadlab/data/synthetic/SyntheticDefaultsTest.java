package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default dataset is generated once, reused while current, and regenerated when stale or damaged. */
class SyntheticDefaultsTest {
    private static final SyntheticConfig TINY = SyntheticConfig.defaults().withSizes(1, 10, 4, 3);

    @TempDir
    Path temp;

    @Test
    void generatesOnceThenReusesThenRegeneratesWhenStaleOrDamaged() throws IOException {
        Path root = temp.resolve("data").resolve("synthetic");
        SyntheticDataset first = SyntheticDefaults.ensureGenerated(root, TINY, false);
        assertTrue(Files.isRegularFile(first.code15().resolve("exams_part0.hdf5")));
        assertTrue(Files.isRegularFile(first.codeTest().resolve("annotations/gold_standard.csv")));
        assertEquals(2, first.testPool().size());
        Path manifest = root.resolve(GenerationManifest.FILE_NAME);
        FileTime made = Files.getLastModifiedTime(manifest);
        Files.setLastModifiedTime(manifest, FileTime.fromMillis(made.toMillis() - 60_000));
        FileTime marked = Files.getLastModifiedTime(manifest);

        SyntheticDefaults.ensureGenerated(root, TINY, false);
        assertEquals(marked, Files.getLastModifiedTime(manifest), "a current dataset is not regenerated");

        SyntheticDefaults.ensureGenerated(root, TINY.withSeed(99), false);
        assertNotEquals(marked, Files.getLastModifiedTime(manifest), "another configuration regenerates");
        assertTrue(SyntheticDefaults.isCurrent(root, TINY.withSeed(99)));

        Files.delete(first.code15().resolve("exams_part0.hdf5"));
        assertFalse(SyntheticDefaults.isCurrent(root, TINY.withSeed(99)), "a missing part makes it stale");
        SyntheticDefaults.ensureGenerated(root, TINY.withSeed(99), false);
        assertTrue(Files.isRegularFile(first.code15().resolve("exams_part0.hdf5")));

        try (Stream<Path> siblings = Files.list(root.getParent())) {
            assertEquals(0, siblings.filter(p -> p.getFileName().toString().contains(".tmp-")
                    || p.getFileName().toString().contains(".old-")).count(), "no temporary folders left");
        }
    }

    @Test
    void theDefaultFolderKeepsADatasetGenerateDataWroteWithOtherSizes() throws IOException {
        Path root = temp.resolve("synthetic");
        new SyntheticGenerator(TINY, 1, false).generate(root);
        FileTime made = Files.getLastModifiedTime(root.resolve(GenerationManifest.FILE_NAME));
        SyntheticDataset dataset = SyntheticDefaults.ensureGenerated(root);
        assertEquals(made, Files.getLastModifiedTime(root.resolve(GenerationManifest.FILE_NAME)), "kept");
        assertEquals(root.toAbsolutePath().normalize(), dataset.root());
        Files.writeString(root.resolve(GenerationManifest.FILE_NAME), "{\"version\": 0}");
        assertFalse(GenerationManifest.readFrom(root).intact(root), "an older generator version is stale");
    }

    @Test
    void leftoversOfAnInterruptedRunAreRemoved() throws IOException {
        Path root = temp.resolve("synthetic");
        Path leftover = Files.createDirectories(temp.resolve(".synthetic.tmp-123/code15"));
        Files.writeString(leftover.resolve("exams_part0.hdf5"), "half written");
        SyntheticDefaults.ensureGenerated(root, TINY, false);
        assertFalse(Files.exists(temp.resolve(".synthetic.tmp-123")));
    }
}
