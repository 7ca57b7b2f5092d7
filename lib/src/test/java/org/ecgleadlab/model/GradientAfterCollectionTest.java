package org.ecgleadlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A garbage collection between the forward and the backward must not change a gradient. DJL's {@code NDArray.mul(2)}
 * wraps the number in a tensor over a direct {@code ByteBuffer} and closes it after the operation; libtorch's graph
 * keeps that tensor for the backward, so once the collector frees the buffer the backward reads whatever the memory
 * holds next. Here the freed memory is refilled with NaN between the two passes: a forward that saves such a scalar
 * gives NaN or wrong gradients.
 */
class GradientAfterCollectionTest {
    @BeforeAll
    static void threadsForThisMachine() {
        Devices.fitThreadsToLoad();
    }

    @Test
    void anInputGradientIsTheSameWhenTheHeapIsCollectedBeforeTheBackward() {
        try (LgaEcgModel model = LgaEcgModel.create(12, Device.cpu(), 17);
                NDManager batch = model.manager().newSubManager()) {
            NDArray x = batch.randomNormal(new Shape(2, 12, LgaEcg.LENGTH));
            NDArray y = batch.create(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0}, new Shape(2, 6));
            float[] quiet = model.inputGradient(x, out -> Losses.meanBceWithLogits(out.get(0), y)).toFloatArray();
            float[] collected = model.inputGradient(x, out -> {
                NDArray loss = Losses.meanBceWithLogits(out.get(0), y);
                collectAndOverwriteFreedBuffers();
                return loss;
            }).toFloatArray();
            assertFinite(collected);
            assertArrayEquals(quiet, collected);
        }
    }

    @Test
    void aTrainingGradientIsTheSameWhenTheHeapIsCollectedBeforeTheBackward() {
        float[][] gradients = new float[2][];
        for (int run = 0; run < 2; run++) {
            try (LgaEcgModel seeded = LgaEcgModel.create(12, Device.cpu(), 17);
                    LgaEcgModel model = seeded.withoutDropout(); // no mask: both runs compute the same function
                    NDManager batch = model.manager().newSubManager()) {
                NDArray x = batch.arange(0f, 2f * 12 * LgaEcg.LENGTH).reshape(2, 12, LgaEcg.LENGTH).sin();
                NDArray y = batch.create(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0}, new Shape(2, 6));
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = Losses.meanBceWithLogits(model.forward(x, true).get(0), y);
                    if (run == 1) {
                        collectAndOverwriteFreedBuffers();
                    }
                    collector.backward(loss);
                }
                gradients[run] = model.gradients(batch).get("transformer_layers.0.attn.proj_Q.weight").toFloatArray();
            }
        }
        assertFinite(gradients[1]);
        assertArrayEquals(gradients[0], gradients[1]);
    }

    /** Collects until freed direct buffers are returned, then allocates small ones full of NaN where they were. */
    private static void collectAndOverwriteFreedBuffers() {
        List<ByteBuffer> filler = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            System.gc();
            try {
                Thread.sleep(20); // the buffers' cleaners run on their own thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 2000; i++) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(4 << (i % 3)).order(ByteOrder.nativeOrder());
                while (buffer.remaining() >= Float.BYTES) {
                    buffer.putFloat(Float.NaN);
                }
                filler.add(buffer);
            }
        }
        assertTrue(filler.size() > 0);
    }

    private static void assertFinite(float[] values) {
        for (float v : values) {
            assertTrue(Float.isFinite(v), "a gradient holds " + v);
        }
    }
}
