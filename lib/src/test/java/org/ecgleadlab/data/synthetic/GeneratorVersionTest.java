package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generator version 2 (the previous default, still selectable) writes the same bytes it wrote before version 3 existed:
 * the SHA-256 of a tiny generation's data files is pinned to the value main's code gave (commit d39be81, computed
 * before version 3 was added). Version 3, the default, writes other data from the same configuration and says so in
 * its manifest; the embedded default regenerates a version-2 folder.
 */
class GeneratorVersionTest {
    static final SyntheticConfig TINY = SyntheticConfig.defaults().withSizes(2, 12, 6, 4);
    private static final List<String> FILES = List.of("code15/exams_part0.hdf5", "code15/exams_part1.hdf5",
            "code15/exams.csv", "code-test/ecg_tracings.hdf5", "code-test/annotations/gold_standard.csv",
            "code-test/attributes.csv", "audit/ecg_tracings.hdf5", "audit/annotations/gold_standard.csv",
            "audit/attributes.csv");
    /** SHA-256 over {@link #FILES} of {@link #TINY}, generator version 2, from main's code at d39be81. */
    private static final String VERSION_2_FINGERPRINT = "c59fd1d513824c615bb794bbb014a3fd62d787d9350568292ff5d2aeb0d8d85d";

    @TempDir
    Path temp;

    static String fingerprint(Path root) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String file : FILES) {
            sha.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(root.resolve(file)));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void version2WritesTheBytesItWroteBeforeVersion3Existed() throws Exception {
        Path root = new SyntheticGenerator(TINY, 2, 1, false).generate(temp.resolve("v2")).dataset().root();
        assertEquals(VERSION_2_FINGERPRINT, fingerprint(root));
        GenerationManifest manifest = GenerationManifest.readFrom(root);
        assertEquals(2, manifest.version());
        assertTrue(manifest.intact(root), "version 2 is still a dataset this code reads and reuses");
        assertFalse(SyntheticDefaults.isCurrent(root, TINY), "a version-2 folder is not the version-3 default");
        assertFalse(manifest.intactAtLeastDefault(root), "the embedded default regenerates a version-2 folder");
    }

    @Test
    void version3WritesOtherDataSaysSoAndDoesNotDependOnThreads() throws Exception {
        Path one = new SyntheticGenerator(TINY, 3, 1, false).generate(temp.resolve("v3-one")).dataset().root();
        Path two = new SyntheticGenerator(TINY, 3, 2, false).generate(temp.resolve("v3-two")).dataset().root();
        assertEquals(fingerprint(one), fingerprint(two));
        assertNotEquals(VERSION_2_FINGERPRINT, fingerprint(one));
        GenerationManifest manifest = GenerationManifest.readFrom(one);
        assertEquals(3, manifest.version());
        assertTrue(SyntheticDefaults.isCurrent(one, TINY, 3));
        assertTrue(SyntheticDefaults.isCurrent(one, TINY), "version 3 is the default");
        assertTrue(manifest.intactAtLeastDefault(one), "commands falling back on the default folder use it");
    }

    @Test
    void anUnknownVersionIsRefusedInOneLine() {
        EcgLabException e = assertThrows(EcgLabException.class, () -> SyntheticGenerator.checkedVersion(4));
        assertTrue(e.getMessage().contains("generator version 4") && !e.getMessage().contains("\n"), e.getMessage());
        assertThrows(EcgLabException.class, () -> new SyntheticGenerator(TINY, 1, 1, false));
    }
}
