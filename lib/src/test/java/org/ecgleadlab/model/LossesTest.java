package org.ecgleadlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void matchesTheTextbookFormulaAndStaysFiniteForLargeLogits() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float[] z = {-3f, -0.5f, 0f, 0.5f, 3f, 200f, -200f, 200f};
            float[] y = {0f, 1f, 1f, 0f, 1f, 0f, 0f, 1f};
            float[] expected = new float[z.length];
            for (int i = 0; i < z.length; i++) {
                double p = 1 / (1 + Math.exp(-z[i]));
                expected[i] = Math.abs(z[i]) > 50 // the naive form overflows there: use the limit
                        ? (float) (Math.max(z[i], 0) - z[i] * y[i])
                        : (float) -(y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p));
            }
            NDArray logits = manager.create(z, new ai.djl.ndarray.types.Shape(4, 2));
            NDArray labels = manager.create(y, new ai.djl.ndarray.types.Shape(4, 2));
            NDArray loss = Losses.bceWithLogits(logits, labels);
            assertArrayEquals(expected, loss.toFloatArray(), 1e-5f);
            double mean = 0;
            for (float e : expected) {
                mean += e / expected.length;
            }
            assertEquals(mean, Losses.meanBceWithLogits(logits, labels).getFloat(), 1e-4);
        }
    }
}
