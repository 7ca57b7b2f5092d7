package org.ecgleadlab.data.wfdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.ecgleadlab.util.EcgLabException;

/**
 * What a file a dataset names may be: a plain file (never a FIFO, which would block the reader, a directory or a
 * dangling link), and, after symbolic links, inside the dataset's root.
 */
public final class RecordFiles {
    private RecordFiles() {
    }

    /**
     * Why {@code file} cannot be read as a plain file ({@code "a dangling symbolic link to X"}, {@code "a
     * directory"}, {@code "not a regular file (a FIFO, socket or device)"}, {@code "absent"}), or empty when it can.
     */
    public static Optional<String> notPlain(Path file) {
        if (Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            String target;
            try {
                target = Files.readSymbolicLink(file).toString();
            } catch (IOException e) {
                target = "?";
            }
            return Optional.of("a dangling symbolic link (to " + target + ", which does not exist)");
        }
        if (Files.isDirectory(file)) {
            return Optional.of("a directory");
        }
        if (Files.exists(file) || Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("not a regular file (a FIFO, socket or device)");
        }
        return Optional.of("absent");
    }

    /** Throws, naming the file and what it is, unless {@code file} is a plain file. */
    static void requirePlainFile(Path file, String what) {
        Optional<String> problem = notPlain(file);
        if (problem.isPresent()) {
            if (problem.get().equals("absent")) {
                throw new EcgLabException(file + ": " + what + " not found; give the path of an existing file");
            }
            throw new EcgLabException(file + ": the " + what + " is " + problem.get()
                    + "; replace it by the plain file or remove it");
        }
    }

    /** The real path of a folder (links resolved), for comparing against. */
    public static Path real(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new EcgLabException(root + ": cannot resolve the dataset folder (" + e.getMessage()
                    + "); give an existing folder", e);
        }
    }

    /**
     * Throws {@code where + " resolves to X, outside the dataset root R"} unless {@code file}, after symbolic links
     * (lexically where it does not exist), lies inside {@code realRoot}.
     */
    public static void requireInside(Path realRoot, Path file, String where) {
        Path resolved = resolve(file);
        if (!resolved.startsWith(realRoot)) {
            throw new EcgLabException(where + " resolves to " + resolved + ", outside the dataset root " + realRoot
                    + "; a dataset reads only its own files: remove the record or correct the path");
        }
    }

    /** The file's real path; for a file that does not exist, its real folder joined with the rest, normalised. */
    private static Path resolve(Path file) {
        return resolve(file.toAbsolutePath(), 0);
    }

    private static Path resolve(Path absolute, int links) {
        try {
            return absolute.toRealPath();
        } catch (IOException absent) {
            if (links < 40 && Files.isSymbolicLink(absolute)) { // a dangling link: where it points
                try {
                    return resolve(absolute.resolveSibling(Files.readSymbolicLink(absolute)), links + 1);
                } catch (IOException e) {
                    return absolute.normalize();
                }
            }
            Path normal = absolute.normalize();
            Path parent = normal.getParent();
            if (parent == null || links >= 40) {
                return normal;
            }
            return resolve(parent, links + 1).resolve(normal.getFileName()).normalize();
        }
    }
}
