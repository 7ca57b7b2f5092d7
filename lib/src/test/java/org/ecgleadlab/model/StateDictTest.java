package org.ecgleadlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDictTest {
    @TempDir
    Path temp;

    @BeforeAll
    static void threadsForThisMachine() {
        Devices.fitThreadsToLoad();
    }

    @Test
    void exportThenImportGivesTheReferenceKeysOrderAndValues() {
        Path exported = temp.resolve("exported.npz");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                LgaEcgModel model = LgaEcgModel.load(Fixtures.weights(), Device.cpu())) {
            model.saveStateDict(exported);
            Map<String, NDArray> reference = Npz.read(Fixtures.weights(), manager);
            Map<String, NDArray> written = Npz.read(exported, manager);
            assertEquals(new ArrayList<>(reference.keySet()), new ArrayList<>(written.keySet()));
            reference.forEach((key, value) -> {
                NDArray copy = written.get(key);
                assertEquals(value.getDataType(), copy.getDataType(), key);
                assertEquals(value.getShape(), copy.getShape(), key);
                assertArrayEquals(value.toByteArray(), copy.toByteArray(), key);
            });
            NDArray counter = written.get("frontend.bn_in.num_batches_tracked");
            assertEquals(DataType.INT64, counter.getDataType());
            assertEquals(new Shape(), counter.getShape());
            try (LgaEcgModel reloaded = LgaEcgModel.load(exported, Device.cpu())) {
                reloaded.stateDict().forEach((key, value) ->
                        assertArrayEquals(reference.get(key).toByteArray(), value.toByteArray(), key));
            }
        }
    }

    @Test
    void missingKeyIsNamedWithItsShape() {
        EcgLabException e = loadBroken(tensors -> tensors.remove("mlp.2.bias"));
        assertMessage(e, "missing key 'mlp.2.bias'", "(6)");
    }

    @Test
    void renamedKeyNamesBothKeysAndShapes() {
        EcgLabException e = loadBroken(tensors -> tensors.put("head.bias", tensors.remove("mlp.2.bias")));
        assertMessage(e, "missing key 'mlp.2.bias'", "unexpected key 'head.bias'", "(6)");
    }

    @Test
    void extraKeyIsNamed() {
        EcgLabException e = loadBroken(tensors -> tensors.put("mlp.4.weight", tensors.get("mlp.2.weight")));
        assertMessage(e, "unexpected key 'mlp.4.weight'", "(6, 64)");
    }

    @Test
    void shapeMismatchNamesTheKeyAndBothShapes() {
        EcgLabException e = loadBroken(tensors -> tensors.put("transformer_layers.1.mlp.0.weight",
                tensors.get("transformer_layers.0.mlp.0.weight")));
        assertMessage(e, "'transformer_layers.1.mlp.0.weight'", "(128, 64)", "(256, 64)");
    }

    @Test
    void weightsForOtherLeadsAreRejectedByAModelWithFewerLeads() {
        try (LgaEcgModel twoLeads = LgaEcgModel.create(2, Device.cpu(), 1)) {
            EcgLabException e = assertThrows(EcgLabException.class, () -> twoLeads.loadStateDict(Fixtures.weights()));
            assertMessage(e, "'frontend.conv_in.weight'", "(64, 12, 7)", "(64, 2, 7)", "12 input leads");
        }
    }

    @Test
    void missingOrCorruptFileIsAUserError() throws IOException {
        Path missing = temp.resolve("nothing.npz");
        assertMessage(assertThrows(EcgLabException.class, () -> LgaEcgModel.load(missing, Device.cpu())),
                "nothing.npz", "not found");
        Path corrupt = Files.writeString(temp.resolve("corrupt.npz"), "not a zip");
        assertMessage(assertThrows(EcgLabException.class, () -> LgaEcgModel.load(corrupt, Device.cpu())),
                "corrupt.npz", ".npz");
    }

    @Test
    void stateDictWithoutBatchCountersLoads() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                LgaEcgModel model = LgaEcgModel.create(12, Device.cpu(), 1)) {
            Map<String, NDArray> tensors = new LinkedHashMap<>(Npz.read(Fixtures.weights(), manager));
            tensors.keySet().removeIf(key -> key.endsWith(StateDict.BATCHES_TRACKED));
            model.loadStateDict(tensors, "test");
            assertArrayEquals(tensors.get("mlp.2.bias").toFloatArray(), model.stateDict().get("mlp.2.bias").toFloatArray());
        }
    }

    private EcgLabException loadBroken(Consumer<Map<String, NDArray>> breakIt) {
        Path broken = temp.resolve("broken.npz");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> tensors = new LinkedHashMap<>(Npz.read(Fixtures.weights(), manager));
            breakIt.accept(tensors);
            Npz.write(broken, tensors);
        }
        return assertThrows(EcgLabException.class, () -> LgaEcgModel.load(broken, Device.cpu()).close());
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }
}
