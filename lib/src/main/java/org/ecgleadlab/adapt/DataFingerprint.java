package org.ecgleadlab.adapt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecgleadlab.report.Fingerprint;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;

/**
 * A short hash that changes when a dataset or checkpoint changes, so a finished run is reused only on the same
 * inputs. Files up to {@value #CONTENT_HASH_LIMIT} bytes are hashed by content (regenerating identical synthetic
 * data keeps the key); larger ones (a 4 GB CODE-15% part) by name, size and modification time.
 *
 * <p>Hashing a PTB-XL root by content reads its 3 GB at every start, so the result is cached in
 * {@code runs/cache/fingerprints/} under the path, keyed by the name, size, modification time (ns) and file key (device
 * and inode) of every file:
 * a file added, removed, renamed, resized or rewritten (its mtime moves) invalidates the entry and the content is
 * hashed again. A rewrite that keeps both size and mtime (a deliberate {@code touch -d}) is not seen, the same rule
 * make and rsync follow.
 */
public final class DataFingerprint {
    static final long CONTENT_HASH_LIMIT = 64L << 20;

    private DataFingerprint() {
    }

    /** The fingerprint of a file, or of every regular file under a directory (hidden files skipped). */
    public static String of(Path path) {
        return of(path, ProjectPaths.runs().resolve("cache").resolve("fingerprints"));
    }

    /** {@link #of(Path)} with its cache in {@code cacheFolder}. */
    static String of(Path path, Path cacheFolder) {
        if (!Files.exists(path)) {
            throw new EcgLabException(path + ": not found; pass an existing data directory or checkpoint file");
        }
        try {
            List<Path> files = files(path);
            String stat = statKey(path, files);
            Path entry = cacheFolder.resolve(Fingerprint.sha256(path.toAbsolutePath().normalize().toString(), 16)
                    + ".txt");
            String[] cached = Files.isRegularFile(entry) ? Files.readString(entry).strip().split(" ") : new String[0];
            if (cached.length == 2 && cached[0].equals(stat)) {
                return cached[1];
            }
            String fingerprint = content(path, files);
            try {
                AtomicFiles.writeString(entry, stat + " " + fingerprint + "\n");
            } catch (UncheckedIOException e) {
                System.err.println("note: fingerprint of " + path + " not cached (" + e.getMessage() + "); it is "
                        + "hashed again next time");
            }
            return fingerprint;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path + " to fingerprint it: " + e.getMessage(), e);
        }
    }

    /** Names, sizes and modification times of the files: what decides whether a cached fingerprint still holds. */
    private static String statKey(Path path, List<Path> files) throws IOException {
        MessageDigest digest = Fingerprint.newSha256();
        for (Path file : files) {
            // the file key (device and inode) catches a file replaced within one tick of the mtime clock
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            String line = name(path, file) + "\t" + attributes.size() + "\t"
                    + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "\t" + attributes.fileKey() + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return Fingerprint.hex(digest.digest(), 32);
    }

    private static String name(Path path, Path file) {
        return Files.isDirectory(path) ? path.relativize(file).toString() : file.getFileName().toString();
    }

    private static String content(Path path, List<Path> files) {
        MessageDigest digest = Fingerprint.newSha256();
        try {
            for (Path file : files) {
                String relative = name(path, file);
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
