package org.ecgleadlab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.ecgleadlab.report.Json;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;

/**
 * The checkpoints of one run, crash-safe: {@code checkpoints/epoch-NNN/} folders, each written whole in a
 * temporary folder and renamed into place, and {@code checkpoints/latest.json} naming the last completed
 * epoch's folder and the best one, replaced atomically after the rename. Whatever instant the process dies,
 * {@code latest.json} names complete folders; older folders are deleted only after it moved on.
 */
final class CheckpointStore {
    /** The pointer file's name inside {@code checkpoints/}. */
    static final String POINTER_FILE = "latest.json";
    private static final String TEMP_PREFIX = ".writing-";

    /** Contents of {@code latest.json}: folder names relative to {@code checkpoints/}. */
    record Pointer(String latest, String best) {
    }

    /** Fills a checkpoint folder (weights, optimizer state, {@code checkpoint.json}). */
    @FunctionalInterface
    interface FolderWriter {
        void write(Path folder) throws IOException;
    }

    private final Path folder;

    CheckpointStore(Path runFolder) {
        this.folder = runFolder.resolve("checkpoints");
    }

    /** {@code <run>/checkpoints}. */
    Path folder() {
        return folder;
    }

    /** The pointer, or empty when no epoch has completed yet. */
    Optional<Pointer> pointer() {
        return readPointer(folder);
    }

    /** The last completed epoch's folder, if any. */
    Optional<Path> latest() {
        return pointer().map(p -> folder.resolve(p.latest()));
    }

    /** The pointer of a run's {@code checkpoints/} folder, or empty when it has none. */
    static Optional<Pointer> readPointer(Path checkpointsFolder) {
        Path file = checkpointsFolder.resolve(POINTER_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Pointer pointer = Json.read(file, Pointer.class);
        if (pointer.latest() == null || pointer.best() == null) {
            throw new EcgLabException(file + ": checkpoint pointer without fields latest and best; delete the run"
                    + " folder and train again");
        }
        return Optional.of(pointer);
    }

    /** Folder name of an epoch's checkpoint ("epoch-007"). */
    static String folderName(int epoch) {
        return String.format("epoch-%03d", epoch);
    }

    /**
     * Writes the checkpoint of {@code epoch} through {@code writer}, points {@code latest.json} at it (and at
     * {@code bestEpoch}'s folder, which must exist already or be this one), then deletes folders neither names.
     * Returns the new folder.
     */
    Path save(int epoch, int bestEpoch, FolderWriter writer) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempDirectory(folder, TEMP_PREFIX);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x")); // not the temp's 700
            writer.write(temp);
            Path target = folder.resolve(folderName(epoch));
            deleteTree(target); // left by a crash between the rename and the pointer update
            AtomicFiles.moveIntoPlace(temp, target);
            Pointer pointer = new Pointer(folderName(epoch), folderName(bestEpoch));
            Json.write(folder.resolve(POINTER_FILE), pointer);
            prune(new HashSet<>(List.of(pointer.latest(), pointer.best())));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write checkpoint of epoch " + epoch + " in " + folder
                    + ": " + e.getMessage(), e);
        }
    }

    /** Deletes everything in {@code checkpoints/} but the pointer and the folders in {@code keep}. */
    private void prune(Set<String> keep) throws IOException {
        List<Path> stale;
        try (Stream<Path> entries = Files.list(folder)) {
            stale = entries.filter(p -> {
                String name = p.getFileName().toString();
                return !name.equals(POINTER_FILE) && !keep.contains(name);
            }).toList();
        }
        for (Path p : stale) {
            deleteTree(p);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
