package org.ecgleadlab.subsets;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;

/**
 * The per-subset probabilities of a search, saved chunk by chunk as each chunk of subsets finishes (one atomic file per
 * chunk), so an interrupted search restarts with the subsets not yet done. The folder is keyed by the checkpoint, the
 * test data and the split (the caller names it), so results of other inputs are never mixed in.
 *
 * <p>Chunk file: int magic, int version, int exams, long[exams] exam ids, int sets, then per set an int mask and
 * {@code exams × 6} float probabilities (big-endian, {@link DataOutputStream}).
 */
final class PredictionCache {
    private static final int MAGIC = 0x53554253; // "SUBS"
    private static final int VERSION = 1;

    private final Path folder;
    private final long[] examIds;

    PredictionCache(Path folder, long[] examIds) {
        this.folder = folder;
        this.examIds = examIds.clone();
    }

    Path folder() {
        return folder;
    }

    /** Every set already saved, with its probabilities {@code [exam][condition]} in the search's exam order. */
    Map<LeadSet, float[][]> load() {
        Map<LeadSet, float[][]> found = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("chunk-.*\\.bin")).sorted().toList()) {
                read(file, found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** Saves one finished chunk: {@code probabilities[set][exam][condition]}. */
    void save(List<LeadSet> sets, float[][][] probabilities) {
        String name = String.format("chunk-%04x-%04x-%d.bin", sets.get(0).mask(), sets.get(sets.size() - 1).mask(),
                sets.size());
        AtomicFiles.write(folder.resolve(name), raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(examIds.length);
            for (long id : examIds) {
                out.writeLong(id);
            }
            out.writeInt(sets.size());
            for (int s = 0; s < sets.size(); s++) {
                out.writeInt(sets.get(s).mask());
                for (float[] exam : probabilities[s]) {
                    for (float p : exam) {
                        out.writeFloat(p);
                    }
                }
            }
            out.flush();
        });
    }

    private void read(Path file, Map<LeadSet, float[][]> into) {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw stale(file, "not a subset-search chunk of this version");
            }
            long[] ids = new long[in.readInt()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = in.readLong();
            }
            if (!Arrays.equals(ids, examIds)) {
                throw stale(file, "made on other exams");
            }
            int sets = in.readInt();
            for (int s = 0; s < sets; s++) {
                LeadSet set = new LeadSet(in.readInt());
                float[][] probabilities = new float[ids.length][Condition.COUNT];
                for (float[] exam : probabilities) {
                    for (int c = 0; c < Condition.COUNT; c++) {
                        exam[c] = in.readFloat();
                    }
                }
                into.put(set, probabilities);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw stale(file, "unreadable (" + e.getMessage() + ")");
        }
    }

    private EcgLabException stale(Path file, String why) {
        return new EcgLabException(file + ": saved subset predictions " + why + "; delete " + folder
                + " to recompute them");
    }
}
