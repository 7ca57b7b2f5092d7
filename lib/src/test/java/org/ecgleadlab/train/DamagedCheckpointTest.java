package org.ecgleadlab.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.model.Npz;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged checkpoint is one line naming its file (and tensor) and what to do, never parser or metric text. */
class DamagedCheckpointTest {
    @TempDir
    Path temp;

    private static void assertOneLine(String message, String... parts) {
        assertFalse(message.contains("\n"), message);
        for (String part : parts) {
            assertTrue(message.contains(part), message);
        }
    }

    private Path copyOfShipped() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("epoch-001"));
        for (String file : new String[] {Checkpoint.MODEL_FILE, Checkpoint.INFO_FILE}) {
            Files.copy(DefaultCheckpoint.path().resolve(file), folder.resolve(file));
        }
        return folder;
    }

    @Test
    void aCutShortCheckpointJsonIsOneLineNamingTheFileAndTheFix() throws IOException {
        Path folder = copyOfShipped();
        Path info = folder.resolve(Checkpoint.INFO_FILE);
        byte[] whole = Files.readAllBytes(info);
        Files.write(info, Arrays.copyOf(whole, whole.length / 2));
        EcgLabException e = assertThrows(EcgLabException.class, () -> Checkpoint.open(folder));
        assertOneLine(e.getMessage(), info.toString(), "is not valid", "cut short", "train again");
        assertFalse(e.getMessage().contains("gson") || e.getMessage().contains("https://"), e.getMessage());
    }

    @Test
    void aCutShortModelNpzIsOneLineNamingTheFile() throws IOException {
        Path folder = copyOfShipped();
        Path model = folder.resolve(Checkpoint.MODEL_FILE);
        byte[] whole = Files.readAllBytes(model);
        Files.write(model, Arrays.copyOf(whole, whole.length / 3));
        EcgLabException e = assertThrows(EcgLabException.class,
                () -> Checkpoint.open(folder).loadModel(Device.cpu()).close());
        assertOneLine(e.getMessage(), model.toString(), "cut short", "numpy.savez");
    }

    @Test
    void aNanWeightNamesTheFileAndTheTensorNotTheMetrics() {
        Path broken = temp.resolve("broken.npz");
        String key = "frontend.conv_in.weight";
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> tensors = Npz.read(DefaultCheckpoint.path().resolve(Checkpoint.MODEL_FILE), manager);
            NDArray weight = tensors.get(key);
            float[] values = weight.toFloatArray();
            values[5] = Float.NaN;
            values[9] = Float.POSITIVE_INFINITY;
            NDArray damaged = manager.create(values, weight.getShape());
            tensors.put(key, damaged);
            Npz.write(broken, tensors);
        }
        EcgLabException e = assertThrows(EcgLabException.class,
                () -> LgaEcgModel.load(broken, Device.cpu()).close());
        assertOneLine(e.getMessage(), broken.toString(), "tensor '" + key + "'", "2 NaN or infinite",
                "earlier checkpoint");
        assertFalse(e.getMessage().contains("sigmoid"), e.getMessage());
    }
}
