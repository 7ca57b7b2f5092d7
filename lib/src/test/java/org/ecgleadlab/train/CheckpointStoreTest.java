package org.ecgleadlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ecgleadlab.report.Json;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
    @Test
    void keepsOnlyTheLatestAndTheBestEpochAndPointsAtBoth(@TempDir Path run) throws IOException {
        CheckpointStore store = new CheckpointStore(run);
        assertTrue(store.pointer().isEmpty());
        store.save(1, 1, folder -> fakeCheckpoint(folder, 1, 1));
        store.save(2, 1, folder -> fakeCheckpoint(folder, 2, 1));
        store.save(3, 1, folder -> fakeCheckpoint(folder, 3, 1));
        assertEquals(List.of("epoch-001", "epoch-003", "latest.json"), names(store.folder()));
        assertEquals(new CheckpointStore.Pointer("epoch-003", "epoch-001"), store.pointer().orElseThrow());

        store.save(4, 4, folder -> fakeCheckpoint(folder, 4, 4));
        assertEquals(List.of("epoch-004", "latest.json"), names(store.folder()));
        assertEquals(run.resolve("checkpoints/epoch-004"), store.latest().orElseThrow());
    }

    @Test
    void leftoversOfACrashDoNotConfuseTheNextSave(@TempDir Path run) throws IOException {
        CheckpointStore store = new CheckpointStore(run);
        store.save(1, 1, folder -> fakeCheckpoint(folder, 1, 1));
        // killed while writing epoch 2 (half-written temp folder) and after renaming epoch 3 but before the pointer
        Files.createDirectories(store.folder().resolve(".writing-123/x"));
        Files.createDirectories(store.folder().resolve("epoch-002"));
        Files.writeString(store.folder().resolve("epoch-002/stale.txt"), "half");
        assertEquals(new CheckpointStore.Pointer("epoch-001", "epoch-001"), store.pointer().orElseThrow());

        store.save(2, 1, folder -> fakeCheckpoint(folder, 2, 1));
        assertEquals(List.of("epoch-001", "epoch-002", "latest.json"), names(store.folder()));
        assertFalse(Files.exists(store.folder().resolve("epoch-002/stale.txt")));
        assertEquals(2, Checkpoint.readInfo(store.folder().resolve("epoch-002/checkpoint.json")).epoch());
    }

    @Test
    void aRunFolderOpensAsItsBestCheckpointAndABareNpzAsWeightsWithoutProvenance(@TempDir Path run)
            throws IOException {
        CheckpointStore store = new CheckpointStore(run);
        store.save(1, 1, folder -> fakeCheckpoint(folder, 1, 1));
        store.save(2, 1, folder -> fakeCheckpoint(folder, 2, 1));
        Checkpoint best = Checkpoint.open(run);
        assertEquals(run.resolve("checkpoints/epoch-001/model.npz"), best.modelFile());
        assertEquals(1, best.info().orElseThrow().epoch());
        assertEquals(2, Checkpoint.open(run.resolve("checkpoints/epoch-002")).info().orElseThrow().epoch());

        Path npz = run.resolve("weights.npz");
        Files.write(npz, new byte[] {1});
        assertTrue(Checkpoint.open(npz).info().isEmpty());
    }

    @Test
    void somethingElseIsRejectedWithWhatWasExpected(@TempDir Path dir) throws IOException {
        EcgLabException empty = assertThrows(EcgLabException.class, () -> Checkpoint.open(dir));
        assertTrue(empty.getMessage().contains("no weights found"), empty.getMessage());
        Path text = Files.writeString(dir.resolve("weights.txt"), "x");
        EcgLabException notNpz = assertThrows(EcgLabException.class, () -> Checkpoint.open(text));
        assertTrue(notNpz.getMessage().contains(".npz"), notNpz.getMessage());
        Files.writeString(dir.resolve(Checkpoint.INFO_FILE), "{\"format\": 99}");
        Files.write(dir.resolve(Checkpoint.MODEL_FILE), new byte[] {1});
        EcgLabException format = assertThrows(EcgLabException.class, () -> Checkpoint.open(dir));
        assertTrue(format.getMessage().contains("checkpoint.json"), format.getMessage());
    }

    private static void fakeCheckpoint(Path folder, int epoch, int bestEpoch) throws IOException {
        Files.write(folder.resolve(Checkpoint.MODEL_FILE), new byte[] {(byte) epoch});
        List<EpochRecord> history = Stream.iterate(1, e -> e + 1).limit(epoch)
                .map(e -> new EpochRecord(e, 1.0 / e, 1.0 / e, 0.5, 1e-3, 1)).toList();
        CheckpointInfo info = new CheckpointInfo(CheckpointInfo.FORMAT, epoch, epoch * 10L, 12, "I", "masked",
                bestEpoch, 0.5, Provenance.builder("train").build(), history);
        Json.write(folder.resolve(Checkpoint.INFO_FILE), info);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
