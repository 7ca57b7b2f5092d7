package org.ecgleadlab.adapt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import org.ecgleadlab.report.Fingerprint;
import org.ecgleadlab.util.EcgLabException;

/**
 * A short hash that changes when a dataset or checkpoint changes, so a finished run is reused only on the same
 * inputs. Files up to {@value #CONTENT_HASH_LIMIT} bytes are hashed by content (regenerating identical synthetic
 * data keeps the key); larger ones (a 4 GB CODE-15% part) by name, size and modification time.
 */
public final class DataFingerprint {
    static final long CONTENT_HASH_LIMIT = 64L << 20;

    private DataFingerprint() {
    }

    /** The fingerprint of a file, or of every regular file under a directory (hidden files skipped). */
    public static String of(Path path) {
        if (!Files.exists(path)) {
            throw new EcgLabException(path + ": not found; pass an existing data directory or checkpoint file");
        }
        MessageDigest digest = Fingerprint.newSha256();
        try {
            for (Path file : files(path)) {
                String relative = Files.isDirectory(path) ? path.relativize(file).toString() : file.getFileName().toString();
                digest.update(relative.getBytes(StandardCharsets.UTF_8));
                long size = Files.size(file);
                if (size <= CONTENT_HASH_LIMIT) {
                    try (InputStream in = Files.newInputStream(file)) {
                        byte[] buffer = new byte[1 << 16];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            digest.update(buffer, 0, n);
                        }
                    }
                } else {
                    String meta = size + "@" + Files.getLastModifiedTime(file).toMillis();
                    digest.update(meta.getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path + " to fingerprint it: " + e.getMessage(), e);
        }
        return Fingerprint.hex(digest.digest(), 16);
    }

    private static List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !path.relativize(p).toString().startsWith(".") && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
