package org.ecgleadlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecgleadlab.model.Npz;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdamWTest {
    private static final float[] START = {1.0f, -2.0f, 0.5f, 3.0f};
    /** Loss Σ aᵢ·pᵢ²/2, so the gradient is a ⊙ p. */
    private static final float[] CURVATURE = {1.0f, 0.5f, 4.0f, 0.1f};

    @Test
    void firstStepMovesEveryWeightByTheLearningRateAgainstItsGradientAfterDecay() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray p = parameter(manager, START);
            try (AdamW adamW = new AdamW(Map.of("p", p), AdamW.Settings.pytorchDefaults())) {
                step(adamW, "p", p, 0.1);
                float[] after = p.toFloatArray();
                for (int i = 0; i < START.length; i++) {
                    // m̂ = g, v̂ = g², so the Adam step is lr·g/(|g| + eps) = lr·sign(g) up to eps.
                    double expected = START[i] * (1 - 0.1 * 0.01) - 0.1 * Math.signum(START[i]);
                    assertEquals(expected, after[i], 1e-6, "weight " + i);
                }
                assertEquals(1, adamW.stepCount());
            }
        }
    }

    @Test
    void severalStepsFollowPyTorchsAlgorithmComputedInDoublePrecision() {
        double lr = 0.05;
        AdamW.Settings settings = new AdamW.Settings(0.1, 0.8, 0.99, 1e-8);
        double[] p = new double[START.length];
        double[] m = new double[START.length];
        double[] v = new double[START.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = START[i];
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray param = parameter(manager, START);
            try (AdamW adamW = new AdamW(Map.of("p", param), settings)) {
                for (int t = 1; t <= 5; t++) {
                    step(adamW, "p", param, lr);
                    for (int i = 0; i < p.length; i++) { // torch.optim.AdamW, single-tensor path
                        double g = CURVATURE[i] * p[i];
                        p[i] *= 1 - lr * settings.weightDecay();
                        m[i] = settings.beta1() * m[i] + (1 - settings.beta1()) * g;
                        v[i] = settings.beta2() * v[i] + (1 - settings.beta2()) * g * g;
                        double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(settings.beta2(), t)) + settings.eps();
                        p[i] -= lr / (1 - Math.pow(settings.beta1(), t)) * m[i] / denom;
                    }
                }
                float[] actual = param.toFloatArray();
                for (int i = 0; i < p.length; i++) {
                    assertEquals(p[i], actual[i], 1e-5, "weight " + i + " after 5 steps");
                }
            }
        }
    }

    @Test
    void aParameterWithoutGradientIsLeftAloneAndAStepLeavesNoArraysBehind() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray trained = parameter(manager, START);
            NDArray frozen = parameter(manager, START);
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            parameters.put("trained", trained);
            parameters.put("frozen", frozen);
            try (AdamW adamW = new AdamW(parameters, AdamW.Settings.pytorchDefaults())) {
                step(adamW, "trained", trained, 0.01);
                int arrays = manager.getManagedArrays().size();
                for (int t = 0; t < 5; t++) {
                    step(adamW, "trained", trained, 0.01);
                }
                assertEquals(arrays, manager.getManagedArrays().size(), "arrays left behind by AdamW.step");
            }
            assertArrayEquals(START, frozen.toFloatArray());
            assertFalse(Arrays.equals(START, trained.toFloatArray()));
        }
    }

    @Test
    void aRestoredStateContinuesBitForBit(@TempDir Path dir) {
        Path state = dir.resolve("optimizer.npz");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray original = parameter(manager, START);
            float[] weightsAtSave;
            float[] weightsAfterOneMore;
            try (AdamW adamW = new AdamW(Map.of("p", original), AdamW.Settings.pytorchDefaults())) {
                for (int t = 0; t < 3; t++) {
                    step(adamW, "p", original, 0.02);
                }
                adamW.saveState(state);
                weightsAtSave = original.toFloatArray();
                step(adamW, "p", original, 0.02);
                weightsAfterOneMore = original.toFloatArray();
            }
            NDArray restored = parameter(manager, weightsAtSave);
            try (AdamW adamW = new AdamW(Map.of("p", restored), AdamW.Settings.pytorchDefaults())) {
                adamW.loadState(state);
                assertEquals(3, adamW.stepCount());
                step(adamW, "p", restored, 0.02);
            }
            assertArrayEquals(weightsAfterOneMore, restored.toFloatArray());
        }
    }

    @Test
    void aStateForOtherParametersIsRejectedNamingTheKey(@TempDir Path dir) {
        Path state = dir.resolve("optimizer.npz");
        try (NDManager manager = NDManager.newBaseManager()) {
            try (AdamW adamW = new AdamW(Map.of("a", parameter(manager, START)), AdamW.Settings.pytorchDefaults())) {
                adamW.saveState(state);
            }
            Map<String, NDArray> other = new LinkedHashMap<>();
            other.put("b", parameter(manager, START));
            try (AdamW adamW = new AdamW(other, AdamW.Settings.pytorchDefaults())) {
                EcgLabException e = assertThrows(EcgLabException.class, () -> adamW.loadState(state));
                assertTrue(e.getMessage().contains("exp_avg.b"), e.getMessage());
            }
            try (AdamW adamW = new AdamW(Map.of("a", parameter(manager, new float[] {1, 2})),
                    AdamW.Settings.pytorchDefaults())) {
                EcgLabException e = assertThrows(EcgLabException.class, () -> adamW.loadState(state));
                assertTrue(e.getMessage().contains("(4)") && e.getMessage().contains("(2)"), e.getMessage());
            }
        }
    }

    @Test
    void aFileWithoutTheStepCounterIsRejected(@TempDir Path dir) {
        Path state = dir.resolve("optimizer.npz");
        try (NDManager manager = NDManager.newBaseManager()) {
            Npz.write(state, Map.of("exp_avg.p", manager.create(START), "exp_avg_sq.p", manager.create(START)));
            try (AdamW adamW = new AdamW(Map.of("p", parameter(manager, START)), AdamW.Settings.pytorchDefaults())) {
                EcgLabException e = assertThrows(EcgLabException.class, () -> adamW.loadState(state));
                assertTrue(e.getMessage().contains("'step'"), e.getMessage());
            }
        }
    }

    @Test
    void stepsOverSeveralTensorsFollowPyTorchWhetherEveryOrOnlySomeHaveGradients() {
        // Two tensors of different shapes share the flat moments; steps 1-3 update both (the flat path), step 4 only
        // the matrix (the per-tensor path), so the reference skips the vector there as torch does a None grad.
        double lr = 0.03;
        AdamW.Settings settings = new AdamW.Settings(0.05, 0.85, 0.995, 1e-8);
        float[] matrixStart = {0.5f, -1.5f, 2.0f, -0.25f, 1.0f, 3.0f};
        float[] vectorStart = {-2.0f, 0.75f};
        double[][] p = {toDouble(matrixStart), toDouble(vectorStart)};
        double[][] m = {new double[6], new double[2]};
        double[][] v = {new double[6], new double[2]};
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray matrix = manager.create(matrixStart, new Shape(2, 3));
            NDArray vector = manager.create(vectorStart);
            Map<String, NDArray> parameters = new LinkedHashMap<>();
            parameters.put("matrix", matrix);
            parameters.put("vector", vector);
            try (AdamW adamW = new AdamW(parameters, settings)) {
                for (int t = 1; t <= 4; t++) {
                    boolean both = t != 4;
                    try (NDManager scratch = manager.newSubManager()) {
                        Map<String, NDArray> gradients = new LinkedHashMap<>();
                        gradients.put("matrix", scratch.create(gradient(p[0], 0), new Shape(2, 3)));
                        if (both) {
                            gradients.put("vector", scratch.create(gradient(p[1], 6)));
                        }
                        adamW.step(lr, gradients);
                    }
                    for (int k = 0; k < (both ? 2 : 1); k++) {
                        referenceStep(p[k], m[k], v[k], gradient(p[k], k * 6), lr, settings, t);
                    }
                }
                assertEquals(4, adamW.stepCount());
            }
            assertClose(p[0], matrix.toFloatArray(), "matrix");
            assertClose(p[1], vector.toFloatArray(), "vector");
        }
    }

    @Test
    void aRestoredStateOfSeveralTensorsContinuesBitForBit(@TempDir Path dir) {
        Path state = dir.resolve("optimizer.npz");
        float[] vectorStart = {-2.0f, 0.75f};
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> original = twoParameters(manager, START, vectorStart);
            Map<String, float[]> atSave = new LinkedHashMap<>();
            float[] afterOneMore;
            try (AdamW adamW = new AdamW(original, AdamW.Settings.pytorchDefaults())) {
                for (int t = 0; t < 3; t++) {
                    curvatureStep(adamW, original, 0.02);
                }
                adamW.saveState(state);
                original.forEach((name, array) -> atSave.put(name, array.toFloatArray()));
                curvatureStep(adamW, original, 0.02);
                afterOneMore = original.get("b").toFloatArray();
            }
            Map<String, NDArray> restored = twoParameters(manager, atSave.get("a"), atSave.get("b"));
            try (AdamW adamW = new AdamW(restored, AdamW.Settings.pytorchDefaults())) {
                adamW.loadState(state);
                curvatureStep(adamW, restored, 0.02);
            }
            assertArrayEquals(afterOneMore, restored.get("b").toFloatArray());
        }
    }

    private static Map<String, NDArray> twoParameters(NDManager manager, float[] a, float[] b) {
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        parameters.put("a", parameter(manager, a));
        parameters.put("b", parameter(manager, b));
        return parameters;
    }

    /** One step with the gradient a ⊙ p of every parameter (curvature cycling from the start of CURVATURE). */
    private static void curvatureStep(AdamW adamW, Map<String, NDArray> parameters, double lr) {
        try (NDManager scratch = NDManager.newBaseManager()) {
            Map<String, NDArray> gradients = new LinkedHashMap<>();
            parameters.forEach((name, p) -> gradients.put(name,
                    scratch.create(gradient(toDouble(p.toFloatArray()), 0), p.getShape())));
            adamW.step(lr, gradients);
        }
    }

    /** The float32 gradient CURVATURE[(first + i) % 4] · pᵢ. */
    private static float[] gradient(double[] p, int first) {
        float[] g = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            g[i] = (float) (CURVATURE[(first + i) % CURVATURE.length] * (float) p[i]);
        }
        return g;
    }

    /** torch.optim.AdamW's single-tensor step t in double precision. */
    private static void referenceStep(double[] p, double[] m, double[] v, float[] g, double lr, AdamW.Settings s, long t) {
        for (int i = 0; i < p.length; i++) {
            p[i] *= 1 - lr * s.weightDecay();
            m[i] = s.beta1() * m[i] + (1 - s.beta1()) * g[i];
            v[i] = s.beta2() * v[i] + (1 - s.beta2()) * g[i] * g[i];
            double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(s.beta2(), t)) + s.eps();
            p[i] -= lr / (1 - Math.pow(s.beta1(), t)) * m[i] / denom;
        }
    }

    private static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, what + " weight " + i);
        }
    }

    private static NDArray parameter(NDManager manager, float[] values) {
        NDArray p = manager.create(values);
        p.setRequiresGradient(true);
        return p;
    }

    /** Backward of Σ aᵢ·pᵢ²/2, one AdamW step on parameter {@code name} = {@code p} alone, then the gradient zeroed as the training loop does. */
    private static void step(AdamW adamW, String name, NDArray p, double lr) {
        try (NDManager scratch = p.getManager().newSubManager()) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                // starting from a scratch array, every intermediate attaches to scratch
                collector.backward(scratch.create(CURVATURE).mul(p).mul(p).sum().div(2));
            }
            NDArray gradient = p.getGradient();
            gradient.attach(scratch);
            adamW.step(lr, Map.of(name, gradient));
            gradient.muli(0);
        }
    }
}
