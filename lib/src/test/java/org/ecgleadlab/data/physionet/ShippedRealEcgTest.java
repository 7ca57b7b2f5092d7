package org.ecgleadlab.data.physionet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.ExamScan;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;

/**
 * The real records shipped in {@code data/real-ecg} (no {@code ../shared} needed): they open through the path every
 * command takes, every record reads with verified checksums and initial values, the label counts are those its
 * README states, and the files are the unchanged originals listed in {@code SHA256SUMS}.
 */
class ShippedRealEcgTest {
    private static final Path FOLDER = ProjectPaths.realEcg();

    @Test
    void opensAsALabelledWfdbFolderWithTheReadmeLabelCounts() {
        CodeDataset data = CodeDataset.open(FOLDER);
        assertEquals(CodeDataset.Format.WFDB, data.report().format());
        assertTrue(data.labelled());
        assertEquals(17, data.exams().size());
        assertEquals(17, data.report().physionet().headers());
        assertEquals(0, data.report().physionet().skippedNoLeads());
        int[] counts = new int[Condition.COUNT];
        for (ExamInfo exam : data.exams()) {
            for (Condition c : Condition.values()) {
                counts[c.index()] += exam.has(c) ? 1 : 0;
            }
        }
        // 1dAVb, RBBB, LBBB, SB, AF, ST as data/real-ecg/README.md states them
        assertArrayEquals(new int[] {1, 3, 2, 4, 2, 3}, counts);
        assertEquals(3, data.exams().stream().filter(e -> !e.hasAnyLabel()).count()); // A0002, A0029, HR06004
        // HR06002 carries incomplete RBBB (713426002), which is not RBBB
        assertFalse(data.exam(ExamIds.ofRecordName("HR06002")).has(Condition.RBBB));
        // codes outside the six, most frequent first (ties by code), as ecg-info lists them
        assertEquals(List.of("426783006", "Normal", "284470004", "67741000119109", "713426002"),
                List.copyOf(data.report().physionet().otherCodes().keySet()));
        Map<String, Long> bySource = new TreeMap<>();
        data.exams().forEach(e -> bySource.merge(e.source(), 1L, Long::sum));
        assertEquals(Map.of("cinc2021-samples", 8L, "cpsc2018-challenge2020", 9L), bySource);
    }

    @Test
    void everyRecordReadsWithVerifiedChecksums() {
        CodeDataset data = CodeDataset.open(FOLDER);
        ExamScan.Result scan = ExamScan.scan(data.exams(), n -> { });
        assertEquals(0, scan.problemCount(), scan.problems().toString());
        assertEquals(17, scan.scanned());
        assertEquals(List.of(), scan.allZero());
    }

    @Test
    void filesAreTheUnchangedOriginalsListedInSha256Sums() throws IOException {
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(FOLDER.resolve("SHA256SUMS"))) {
            String[] parts = line.split(" +\\*?", 2);
            listed.put(parts[1], parts[0]);
        }
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(FOLDER)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = FOLDER.relativize(file).toString().replace('\\', '/');
                if (name.endsWith(".hea") || name.endsWith(".mat")) {
                    present.put(name, sha256(file));
                }
            }
        }
        assertEquals(34, present.size());
        assertEquals(listed, present);
    }

    /** Where {@code ../shared/real-ecg} is present: each shipped file is byte for byte its copy there. */
    @Test
    void filesEqualTheSharedCopies() throws IOException {
        Path shared = SharedRealEcg.folder("cpsc2018-challenge2020").getParent();
        try (Stream<Path> walk = Files.walk(FOLDER)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".hea") || p.toString().endsWith(".mat"))
                    .toList()) {
                Path original = shared.resolve(FOLDER.relativize(file).toString());
                assertEquals(sha256(original), sha256(file), file.toString());
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
