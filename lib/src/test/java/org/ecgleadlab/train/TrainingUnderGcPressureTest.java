package org.ecgleadlab.train;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training gives the same bits whatever Java's garbage collector does meanwhile, also across a resume. Before
 * {@code model.InPlaceCopy}, weights set through DJL's {@code NDArray.set(float[])} (the seeded initialisation, a loaded
 * checkpoint) and the restored AdamW moments lived in Java direct buffers that the collector frees on its own schedule:
 * with a collection and freed memory filled with NaN after every batch and
 * before every epoch, this test then found 124 of the run's arrays
 * different from an undisturbed run (the first: {@code frontend.conv_in.weight}), the symptom a resumed run on a Spark
 * executor showed now and then.
 */
class TrainingUnderGcPressureTest {
    @TempDir
    Path folder;

    /** Direct buffers holding the memory Java just freed, filled with NaN, so that any read of it shows. */
    private final List<ByteBuffer> filler = new ArrayList<>();
    private static final float[] NANS = new float[1 << 18];

    static {
        java.util.Arrays.fill(NANS, Float.NaN);
    }

    @Test
    void collectionsBetweenBatchesChangeNoBitOfAnUninterruptedOrAResumedRun() {
        Path data = GeneratedData.tiny(folder, 16, 1, 1).code15();
        TrainConfig.Builder tiny = TrainConfig.builder().data(data).epochs(3).batchSize(8).device("cpu");
        TrainingRun.run(tiny.output(folder.resolve("undisturbed")).build());

        TrainingListener collecting = new TrainingListener() {
            @Override
            public void batchFinished(int epoch, long batch, int exams, double loss, double learningRate) {
                collectAndRefill();
            }

            @Override
            public void epochStarted(int epoch, int epochs, long batches) {
                collectAndRefill();
            }
        };
        TrainingRun.run(tiny.output(folder.resolve("collected")).build(), collecting);
        TrainingRunTest.assertSameState(folder.resolve("undisturbed"), folder.resolve("collected"));

        TrainConfig broken = tiny.output(folder.resolve("resumed")).build();
        assertThrows(IllegalStateException.class, () -> TrainingRun.run(broken, new TrainingListener() {
            @Override
            public void batchFinished(int epoch, long batch, int exams, double loss, double learningRate) {
                if (epoch == 2) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        }));
        collectAndRefill();
        TrainingRun.run(broken.toBuilder().resume(true).build(), collecting);
        TrainingRunTest.assertSameState(folder.resolve("undisturbed"), folder.resolve("resumed"));
    }

    private void collectAndRefill() {
        filler.clear();
        System.gc();
        try {
            Thread.sleep(20); // the cleaner thread frees the unreachable direct buffers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        for (int i = 0; i < 400; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << (6 + i % 15)).order(ByteOrder.nativeOrder());
            buffer.asFloatBuffer().put(NANS, 0, buffer.capacity() / Float.BYTES);
            filler.add(buffer);
        }
    }
}
