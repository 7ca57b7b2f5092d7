package org.ecgleadlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LgaEcgModelTest {

    @BeforeAll
    static void threadsForThisMachine() {
        Devices.fitThreadsToLoad();
    }

    @Test
    void reproducesReferenceLogitsAndFrontEnd() {
        try (LgaEcgModel model = LgaEcgModel.load(Fixtures.weights(), Device.cpu());
                NDManager batch = model.manager().newSubManager()) {
            Map<String, NDArray> io = Npz.read(Fixtures.io(), batch);
            NDArray input = io.get("input");
            NDArray logits = model.predict(input).get(0);
            assertEquals(new Shape(3, 6), logits.getShape());
            assertClose(io.get("logits"), logits, 1e-4);
            assertClose(io.get("frontend"), model.frontEnd(input), 1e-4);
        }
    }

    private static void assertClose(NDArray expected, NDArray actual, double tolerance) {
        assertEquals(expected.getShape(), actual.getShape());
        float worst = expected.sub(actual).abs().max().getFloat();
        assertTrue(worst <= tolerance, "largest difference " + worst + " exceeds " + tolerance);
    }

    @Test
    void parameterCountsMatchTheReference() {
        try (LgaEcgModel twelve = LgaEcgModel.create(12, Device.cpu(), 1);
                LgaEcgModel two = LgaEcgModel.create(2, Device.cpu(), 1)) {
            assertEquals(935_110, twelve.parameterCount());
            assertEquals(930_630, two.parameterCount());
            assertEquals(135, twelve.stateDict().size());
        }
    }

    @Test
    void attentionMatricesHaveTheBlockShapesAndRowsSumToOne() {
        try (LgaEcgModel model = LgaEcgModel.create(2, Device.cpu(), 3);
                NDManager batch = model.manager().newSubManager()) {
            NDList out = model.predict(batch.randomNormal(new Shape(2, 2, LgaEcg.LENGTH)));
            assertEquals(1 + LgaEcg.BLOCKS, out.size());
            assertEquals(new Shape(2, 6), out.get(0).getShape());
            long n = LgaEcg.LENGTH / 8;
            for (int i = 1; i <= LgaEcg.BLOCKS; i++, n /= 2) {
                NDArray attention = out.get(i);
                assertEquals(new Shape(2, 8, n / 2, n), attention.getShape());
                float worst = attention.sum(new int[] {-1}).sub(1f).abs().max().getFloat();
                assertTrue(worst < 1e-5, "block " + i + " rows sum to 1 within " + worst);
            }
        }
    }

    @Test
    void seededInitialisationIsReproducible() {
        try (LgaEcgModel first = LgaEcgModel.create(12, Device.cpu(), 42);
                LgaEcgModel second = LgaEcgModel.create(12, Device.cpu(), 42);
                LgaEcgModel other = LgaEcgModel.create(12, Device.cpu(), 43)) {
            Map<String, NDArray> a = first.stateDict();
            Map<String, NDArray> b = second.stateDict();
            a.forEach((key, value) -> assertArrayEquals(value.toByteArray(), b.get(key).toByteArray(), key));
            NDArray weight = a.get("transformer_layers.0.attn.proj_Q.weight");
            assertFalse(weight.contentEquals(other.stateDict().get("transformer_layers.0.attn.proj_Q.weight")));
            // PyTorch's default: uniform within ±1/sqrt(fan_in), fan_in = 64·3
            float bound = (float) (1 / Math.sqrt(64 * 3));
            assertTrue(weight.abs().max().getFloat() <= bound);
            assertTrue(weight.abs().max().getFloat() > 0.9f * bound);
            assertTrue(a.get("frontend.bn_in.weight").eq(1f).all().getBoolean());
        }
    }

    @Test
    void trainingModeUsesDropoutAndBatchStatistics() {
        try (LgaEcgModel model = LgaEcgModel.create(1, Device.cpu(), 5);
                NDManager batch = model.manager().newSubManager()) {
            NDArray x = batch.randomNormal(new Shape(4, 1, LgaEcg.LENGTH));
            NDArray eval1 = model.forward(x, false).get(0);
            NDArray eval2 = model.forward(x, false).get(0);
            assertTrue(eval1.contentEquals(eval2), "eval mode is deterministic");
            NDArray runningMean = model.stateDict().get("frontend.bn_in.running_mean").duplicate();
            model.forward(x, true);
            assertFalse(runningMean.contentEquals(model.stateDict().get("frontend.bn_in.running_mean")));
            assertEquals(1L, model.stateDict().get("frontend.bn_in.num_batches_tracked").getLong());
        }
    }

    @Test
    void theCopyWithoutDropoutTrainsWithBatchStatisticsAndNoMask() {
        try (LgaEcgModel model = LgaEcgModel.create(1, Device.cpu(), 5);
                LgaEcgModel bare = model.withoutDropout();
                NDManager batch = model.manager().newSubManager()) {
            model.stateDict().forEach((key, value) ->
                    assertArrayEquals(value.toByteArray(), bare.stateDict().get(key).toByteArray(), key));
            NDArray x = batch.randomNormal(new Shape(4, 1, LgaEcg.LENGTH));
            assertTrue(model.forward(x, false).get(0).contentEquals(bare.forward(x, false).get(0)),
                    "the same function in evaluation");
            NDArray first = bare.forward(x, true).get(0);
            NDArray second = bare.forward(x, true).get(0);
            assertTrue(first.contentEquals(second), "no dropout mask: two training forwards agree");
            assertFalse(first.contentEquals(bare.forward(x, false).get(0)), "batch statistics, not running ones");
            assertFalse(model.forward(x, true).get(0).contentEquals(first), "the original still drops");
            assertEquals(2L, bare.stateDict().get("frontend.bn_in.num_batches_tracked").getLong());
        }
    }

    @Test
    void everyParameterGetsAGradientAndSgdLowersTheLoss() {
        try (LgaEcgModel model = LgaEcgModel.create(1, Device.cpu(), 11);
                NDManager batch = model.manager().newSubManager()) {
            NDArray x = batch.randomNormal(new Shape(4, 1, LgaEcg.LENGTH));
            NDArray labels = batch.create(new float[] {1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0,
                1, 0, 1, 0, 0, 1}, new Shape(4, 6));
            float before = Losses.meanBceWithLogits(model.forward(x, false).get(0), labels).getFloat();
            for (int step = 0; step < 3; step++) {
                try (NDManager scope = batch.newSubManager()) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        collector.backward(Losses.meanBceWithLogits(model.forward(x, true).get(0), labels));
                    }
                    Map<String, NDArray> gradients = model.gradients(scope);
                    assertEquals(model.namedParameters().keySet(), gradients.keySet());
                    gradients.forEach((name, gradient) -> assertTrue(
                            gradient.abs().sum().getFloat() > 0, "gradient of " + name + " is zero"));
                    model.namedParameters().forEach((name, p) -> p.getArray().subi(gradients.get(name).mul(0.01f)));
                    model.zeroGradients();
                    assertEquals(0f, model.gradients(scope).get("mlp.2.bias").abs().sum().getFloat());
                }
            }
            float after = Losses.meanBceWithLogits(model.forward(x, false).get(0), labels).getFloat();
            assertTrue(after < before, "loss " + before + " -> " + after);
            assertEquals(DataType.FLOAT32, model.stateDict().get("mlp.2.bias").getDataType());
        }
    }

    @Test
    void inputGradientMatchesFiniteDifferencesAndLeavesParametersTrainable() {
        try (LgaEcgModel model = LgaEcgModel.load(Fixtures.weights(), Device.cpu());
                NDManager batch = model.manager().newSubManager()) {
            NDArray x = Npz.read(Fixtures.io(), batch).get("input").get("0:1");
            NDArray gradient = model.inputGradient(x, out -> out.get(0).get(":, 3").sum());
            assertEquals(x.getShape(), gradient.getShape());
            assertFalse(x.hasGradient(), "the caller's array is left alone");
            float step = 1e-2f;
            long[] strongest = gradient.abs().flatten().argSort(0, false).get("0:3").toLongArray();
            for (long index : strongest) {
                NDArray nudge = batch.zeros(new Shape(x.size())).scatter(batch.create(new long[] {index}),
                        batch.create(new float[] {step}), 0).reshape(x.getShape());
                float plus = model.predict(x.add(nudge)).get(0).getFloat(0, 3);
                float minus = model.predict(x.sub(nudge)).get(0).getFloat(0, 3);
                double numeric = (plus - minus) / (2 * step);
                double analytic = gradient.flatten().getFloat(index);
                assertEquals(analytic, numeric, 0.05 * Math.abs(analytic), "d logit / d x[" + index + "]");
            }
            assertTrue(model.namedParameters().values().stream().allMatch(p -> p.requiresGradient()));
        }
    }

    @Test
    void inputGradientsOfTwoThreadsRunBesideATrainingCollectorAndMatchTheOneThreadOnes() throws Exception {
        try (LgaEcgModel first = LgaEcgModel.load(Fixtures.weights(), Device.cpu());
                LgaEcgModel second = LgaEcgModel.load(Fixtures.weights(), Device.cpu());
                NDManager batch = first.manager().newSubManager()) {
            NDArray x = Npz.read(Fixtures.io(), batch).get("input").get("0:1");
            float[] alone = first.inputGradient(x, out -> out.get(0).get(":, 3").sum()).toFloatArray();
            // a training step's collector open on this thread: DJL's own collector would refuse a second one
            try (GradientCollector training = Engine.getInstance().newGradientCollector()) {
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                try {
                    var a = pool.submit(() -> first.inputGradient(x, out -> out.get(0).get(":, 3").sum())
                            .toFloatArray());
                    var b = pool.submit(() -> second.inputGradient(x, out -> out.get(0).get(":, 3").sum())
                            .toFloatArray());
                    assertArrayEquals(alone, a.get(), "first model, on another thread");
                    assertArrayEquals(alone, b.get(), "second model, beside it");
                } finally {
                    pool.shutdown();
                }
            }
        }
    }
}
