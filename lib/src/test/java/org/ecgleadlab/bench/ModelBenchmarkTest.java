package org.ecgleadlab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecgleadlab.model.LgaEcgModel;
import org.junit.jupiter.api.Test;

class ModelBenchmarkTest {
    @Test
    void trainingTakesTheTrainingRunsStepsAndUpdatesTheWeights() {
        try (LgaEcgModel model = LgaEcgModel.create(1, Device.cpu(), 1)) {
            String name = model.namedParameters().keySet().iterator().next();
            float[] before = model.namedParameters().get(name).getArray().toFloatArray();
            AtomicInteger steps = new AtomicInteger();
            Series series = new ModelBenchmark(model, 2, steps::incrementAndGet).training(1, 2, 1);
            assertEquals(3, steps.get());
            assertEquals(2, series.rates().length);
            assertTrue(series.min() > 0, "rate " + series.min());
            assertFalse(Arrays.equals(before, model.namedParameters().get(name).getArray().toFloatArray()));
        }
    }

    @Test
    void bareTrainingTakesSgdStepsThatMoveTheWeightsAndLeaveNoArraysBehind() {
        try (LgaEcgModel model = LgaEcgModel.create(1, Device.cpu(), 1); LgaEcgModel bare = model.withoutDropout()) {
            String name = bare.namedParameters().keySet().iterator().next();
            float[] before = bare.namedParameters().get(name).getArray().toFloatArray();
            int arrays = bare.manager().getManagedArrays().size();
            AtomicInteger steps = new AtomicInteger();
            Series series = new ModelBenchmark(model, 2, steps::incrementAndGet).bareTrainingOn(bare, 1, 2, 1);
            assertEquals(3, steps.get());
            assertEquals(2, series.rates().length);
            assertTrue(series.min() > 0, "rate " + series.min());
            assertFalse(Arrays.equals(before, bare.namedParameters().get(name).getArray().toFloatArray()));
            assertEquals(arrays, bare.manager().getManagedArrays().size(), "arrays left on the model's manager");
        }
    }

    @Test
    void theBareFigureRunsOnACopyAndLeavesTheModelAsItWas() {
        try (LgaEcgModel model = LgaEcgModel.create(1, Device.cpu(), 1)) {
            String name = model.namedParameters().keySet().iterator().next();
            float[] before = model.namedParameters().get(name).getArray().toFloatArray();
            int arrays = model.manager().getManagedArrays().size();
            Series series = new ModelBenchmark(model, 2, () -> { }).bareTraining(0, 1, 1);
            assertTrue(series.min() > 0, "rate " + series.min());
            assertArrayEquals(before, model.namedParameters().get(name).getArray().toFloatArray());
            assertEquals(arrays, model.manager().getManagedArrays().size(), "arrays left on the model's manager");
        }
    }
}
