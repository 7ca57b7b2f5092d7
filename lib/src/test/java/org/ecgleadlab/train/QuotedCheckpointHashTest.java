package org.ecgleadlab.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;

/**
 * README.md and data/README.md quote the weights their figures come from as "model.npz SHA-256 `hex`" (12 or more
 * hex digits): every quoted hash must be a prefix of a shipped {@code data/checkpoints/NAME/model.npz}'s SHA-256, and
 * the default 12-lead model's must be quoted, so replacing the weights without updating the figures fails here.
 */
class QuotedCheckpointHashTest {
    private static final Pattern QUOTED = Pattern.compile("model\\.npz`? SHA-256 `([0-9a-f]{12,64})`");

    @Test
    void everyQuotedCheckpointHashIsAShippedOneAndTheDefaultIsQuoted() throws Exception {
        List<String> shipped = new ArrayList<>();
        try (Stream<Path> folders = Files.list(ProjectPaths.data().resolve("checkpoints"))) {
            for (Path folder : folders.sorted().toList()) {
                Path model = folder.resolve(Checkpoint.MODEL_FILE);
                if (Files.isRegularFile(model)) {
                    shipped.add(sha256(model));
                }
            }
        }
        String defaultHash = sha256(DefaultCheckpoint.path().resolve(Checkpoint.MODEL_FILE));
        boolean defaultQuoted = false;
        for (Path doc : List.of(ProjectPaths.root().resolve("README.md"), ProjectPaths.data().resolve("README.md"))) {
            Matcher m = QUOTED.matcher(Files.readString(doc));
            while (m.find()) {
                String quoted = m.group(1);
                assertTrue(shipped.stream().anyMatch(h -> h.startsWith(quoted)), doc + " quotes model.npz SHA-256 "
                        + quoted + ", which no shipped checkpoint has (shipped: " + shipped + ")");
                defaultQuoted |= defaultHash.startsWith(quoted);
            }
        }
        assertFalse(shipped.isEmpty());
        assertTrue(defaultQuoted, "README.md or data/README.md should quote the default model's model.npz SHA-256 "
                + defaultHash.substring(0, 12));
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
