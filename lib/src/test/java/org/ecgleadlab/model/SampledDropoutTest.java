package org.ecgleadlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** {@link SampledDropout} draws i.i.d. Bernoulli(p) zeros, fixed by libtorch's seeded generator, and scales as libtorch does. */
class SampledDropoutTest {
    private static final Shape SHAPE = new Shape(4, 64, 4000); // 1,024,000 elements

    @Test
    void dropsTheRateIndependentlyEverywhereAndScalesTheRestAsLibtorchsDropout() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu()); NoGrad noGrad = NoGrad.enter()) {
            float[] mask = seededMask(new SampledDropout(0.1), manager, 3);
            assertDropsLikeBernoulli(mask, 0.1);
            float libtorchScale = Dropout.dropout(manager.ones(SHAPE), 0.1f, true).head().max().getFloat();
            for (float value : mask) {
                assertTrue(value == 0 || value == libtorchScale, "mask value " + value);
            }
        }
    }

    @Test
    void theSeedFixesTheMask() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu()); NoGrad noGrad = NoGrad.enter()) {
            SampledDropout dropout = new SampledDropout(0.1);
            float[] first = seededMask(dropout, manager, 11);
            assertArrayEquals(first, seededMask(dropout, manager, 11));
            assertFalse(java.util.Arrays.equals(first, seededMask(dropout, manager, 12)));
        }
    }

    @Test
    void otherRatesDropLikeBernoulliToo() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu()); NoGrad noGrad = NoGrad.enter()) {
            assertDropsLikeBernoulli(seededMask(new SampledDropout(0.3), manager, 5), 0.3);
            assertDropsLikeBernoulli(seededMask(new SampledDropout(0.02), manager, 6), 0.02);
        }
    }

    @Test
    void evaluationIsTheIdentityAndTheGradientIsTheMask() {
        SampledDropout dropout = new SampledDropout(0.1);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 3, 500));
            assertSame(x, dropout.forward(store, new NDList(x), false).head());
            x.setRequiresGradient(true);
            NDArray y;
            synchronized (LgaEcgModel.TORCH_GENERATOR) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    y = dropout.forward(store, new NDList(x), true).head();
                    collector.backward(y.sum());
                }
            }
            float[] input = x.toFloatArray();
            float[] output = y.toFloatArray();
            float[] gradient = x.getGradient().toFloatArray();
            for (int i = 0; i < input.length; i++) {
                assertEquals(input[i] * gradient[i], output[i], 0f, "element " + i);
            }
        }
    }

    /** The mask of {@link #SHAPE} drawn right after seeding libtorch's generator with {@code seed}. */
    private static float[] seededMask(SampledDropout dropout, NDManager manager, int seed) {
        synchronized (LgaEcgModel.TORCH_GENERATOR) {
            Engine.getInstance().setRandomSeed(seed);
            return dropout.mask(manager, SHAPE).toFloatArray();
        }
    }

    /** Zeros at rate p overall, in the first and last tenth, and in adjacent pairs at p², each within 5 sigma. */
    private static void assertDropsLikeBernoulli(float[] mask, double p) {
        int n = mask.length;
        int tenth = n / 10;
        long zeros = 0;
        long firstTenth = 0;
        long lastTenth = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            if (mask[i] == 0) {
                zeros++;
                firstTenth += i < tenth ? 1 : 0;
                lastTenth += i >= n - tenth ? 1 : 0;
                pairs += i + 1 < n && mask[i + 1] == 0 ? 1 : 0;
            }
        }
        assertRate(zeros, n, p, "dropped");
        assertRate(firstTenth, tenth, p, "dropped in the first tenth");
        assertRate(lastTenth, tenth, p, "dropped in the last tenth");
        assertRate(pairs, n - 1, p * p, "adjacent pairs dropped");
    }

    private static void assertRate(long count, long trials, double p, String what) {
        double sigma = Math.sqrt(p * (1 - p) / trials);
        double rate = (double) count / trials;
        assertTrue(Math.abs(rate - p) < 5 * sigma, what + ": " + rate + " instead of " + p + " ± " + 5 * sigma);
    }
}
