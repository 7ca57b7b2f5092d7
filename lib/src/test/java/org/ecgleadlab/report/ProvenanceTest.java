package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    private static Provenance.Builder example(long seed) {
        return Provenance.builder("adapt")
                .data(Path.of("data/synthetic"))
                .checkpoint(Path.of("data/lga-ecg-12lead.ckpt"))
                .seed(seed)
                .leads(List.of(Lead.V1, Lead.I))
                .strategy("reduced-channels")
                .config("epochs", 3)
                .config("learningRate", 1e-3);
    }

    @Test
    void writesPrettyJsonAndReadsItBack(@TempDir Path dir) throws Exception {
        Provenance written = example(7).build();
        Path file = dir.resolve("provenance.json");
        written.write(file);
        String json = Files.readString(file);
        assertTrue(json.contains("\n  \"command\": \"adapt\""), json);
        assertTrue(json.contains("\"leads\": [\n    \"V1\",\n    \"I\"\n  ]"), json);
        Provenance read = Provenance.read(file);
        assertEquals(written, read);
        assertEquals(List.of("V1", "I"), read.leads());
        assertEquals("3", read.configuration().get("epochs"));
        assertEquals(7L, read.seed());
        assertTrue(read.dataPaths().get(0).endsWith("data/synthetic") && Path.of(read.dataPaths().get(0)).isAbsolute());
        assertEquals("0.36.0", read.djlVersion());
        assertEquals(System.getProperty("java.version"), read.javaVersion());
    }

    @Test
    void missingOptionalFieldsStayNull(@TempDir Path dir) {
        Provenance bare = Provenance.builder("rank-leads").build();
        bare.write(dir.resolve("p.json"));
        Provenance read = Provenance.read(dir.resolve("p.json"));
        assertNull(read.checkpoint());
        assertNull(read.seed());
        assertEquals(List.of(), read.leads());
    }

    @Test
    void fingerprintDependsOnInputsNotOnTime() {
        Provenance first = example(7).build();
        Provenance later = new Provenance("reproduce-tables", first.dataPaths(), first.checkpoint(), first.seed(),
                first.leads(), first.strategy(), first.configuration(), "other", "2030-01-01T00:00:00Z", "21", "x");
        assertEquals(first.fingerprint(), later.fingerprint());
        assertNotEquals(first.fingerprint(), example(8).build().fingerprint());
        assertNotEquals(first.fingerprint(), example(7).config("epochs", 4).build().fingerprint());
        assertEquals(64, first.fingerprint().length());
    }

    @Test
    void fingerprintStaysAsRecordedByEarlierRuns() {
        Provenance bare = new Provenance("rank-leads", null, null, null, null, null, null, "u", "t", "j", "d");
        assertEquals("cfc2aaccecd5a90bf65c1dc750be3068a87c60d83996f420751ddc6fff25dea2", bare.fingerprint());
        Provenance full = new Provenance("adapt", List.of("/a", "/b"), "/c", 9L, List.of("V1"), "s",
                Map.of("z", "1", "a", "0.001", "m", "true"), "u", "t", "j", "d");
        assertEquals("372bf27f78dcd5e233a314cf71fe4d31b82c6b4f94c1712986833c4e5fc5a8ad", full.fingerprint());
    }

    @Test
    void gitRevisionIsAHashOrUnknown() {
        String revision = example(1).build().gitRevision();
        assertTrue(revision.matches("[0-9a-f]{40}") || revision.equals(GitRevision.UNKNOWN), revision);
    }

    @Test
    void gitRevisionIsReadFromFilesInAWorktreeWithPackedRefs(@TempDir Path dir) throws Exception {
        String sha = "0123456789abcdef0123456789abcdef01234567";
        Path common = Files.createDirectories(dir.resolve("main/.git"));
        Path worktreeGit = Files.createDirectories(common.resolve("worktrees/wt"));
        Files.writeString(common.resolve("packed-refs"), "# pack-refs with: peeled\n" + sha + " refs/heads/wt\n");
        Files.writeString(worktreeGit.resolve("HEAD"), "ref: refs/heads/wt\n");
        Files.writeString(worktreeGit.resolve("commondir"), "../..\n");
        Path checkout = Files.createDirectories(dir.resolve("wt/lib"));
        Files.writeString(dir.resolve("wt/.git"), "gitdir: " + worktreeGit + "\n");
        assertEquals(sha, GitRevision.fromFiles(checkout));

        String loose = "fedcba9876543210fedcba9876543210fedcba98";
        Files.createDirectories(common.resolve("refs/heads"));
        Files.writeString(common.resolve("refs/heads/wt"), loose + "\n");
        assertEquals(loose, GitRevision.fromFiles(checkout));

        assertEquals(GitRevision.UNKNOWN, GitRevision.fromFiles(Files.createDirectories(dir.resolve("nowhere"))));
    }

    @Test
    void damagedJsonIsAUserErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("provenance.json");
        Files.writeString(file, "{ \"command\": ");
        EcgLabException e = assertThrows(EcgLabException.class, () -> Provenance.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        EcgLabException missing = assertThrows(EcgLabException.class,
                () -> Provenance.read(dir.resolve("absent.json")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }
}
