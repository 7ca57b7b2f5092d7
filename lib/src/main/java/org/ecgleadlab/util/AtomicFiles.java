package org.ecgleadlab.util;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes files through a temporary sibling and a rename, so a crash never leaves a half-written result. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes the whole content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes through {@code writer} to a temporary file beside {@code target}, then renames it into place. */
    public static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    writer.write(out);
                }
                makeReadable(temp);
                moveIntoPlace(temp, absolute);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Writes a UTF-8 string atomically. */
    public static void writeString(Path target, String content) {
        write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Temp files are created owner-only; a result should have the usual rw-r--r-- like any other file. */
    private static void makeReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its default permissions already apply
        }
    }

    /** Moves a finished temporary file (or directory) onto {@code target}. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Puts a finished folder in place of {@code target}: an existing {@code target} is moved aside first and deleted
     * after, so {@code target} is at every moment either the old folder or the new one, whole.
     */
    public static void replaceFolder(Path finished, Path target) throws IOException {
        if (!Files.exists(target)) {
            moveIntoPlace(finished, target);
            return;
        }
        Path old = Files.createTempDirectory(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        moveIntoPlace(target, old);
        moveIntoPlace(finished, target);
        deleteTree(old);
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + folder + ": " + e.getMessage(), e);
        }
    }
}
