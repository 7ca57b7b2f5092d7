package org.ecgleadlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.Batches;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.InputTransform;
import org.ecgleadlab.data.ZeroExamPolicy;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.model.Npz;
import org.ecgleadlab.util.EcgLabException;

/** A trained model run on new data: CODE exams (probabilities) or a raw input tensor (logits). */
public final class Prediction {
    /** Key of the input tensor in an {@code .npz} given to {@link #logitsOfNpz}. */
    public static final String NPZ_INPUT_KEY = "input";
    /** Exams per forward of {@code predict} without --batch-size: inference only, so larger than training's. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    private Prediction() {
    }

    /** Scores of every exam (all-zero tracings included), in the given order, seen through {@code transform}. */
    public static Scores onExams(LgaEcgModel model, List<ExamInfo> exams, InputTransform transform, int batchSize) {
        return onExams(model, exams, transform, batchSize, done -> { });
    }

    /**
     * {@link #onExams(LgaEcgModel, List, InputTransform, int)}, calling {@code examsScored} with the size of each batch
     * once the model has scored it (a progress bar's step).
     */
    public static Scores onExams(LgaEcgModel model, List<ExamInfo> exams, InputTransform transform, int batchSize,
                                 IntConsumer examsScored) {
        checkChannels(model, transform.channels(), "the lead selection " + transform.describe());
        Batches batches = Batches.builder(exams, batchSize).transform(transform).zeroExams(ZeroExamPolicy.KEEP)
                .build();
        try (Batches.Stream stream = batches.epoch(1)) {
            return Scores.evaluate(model, () -> new Iterator<>() {
                private int previous;

                @Override
                public boolean hasNext() {
                    reportPrevious(); // the model has scored the batch handed out before
                    return stream.hasNext();
                }

                @Override
                public Batch next() {
                    reportPrevious();
                    Batch batch = stream.next();
                    previous = batch.size();
                    return batch;
                }

                private void reportPrevious() {
                    if (previous > 0) {
                        examsScored.accept(previous);
                        previous = 0;
                    }
                }
            });
        }
    }

    /**
     * Probabilities of {@code exams} (a whole dataset or one task's group of it) as {@code request} asks, with a
     * {@code model} already loaded from {@code request}'s checkpoint.
     */
    public static Predictions score(LgaEcgModel model, ScoringRequest request, List<ExamInfo> exams,
                                    IntConsumer examsScored) {
        return onExams(model, exams, request.input().transform(request.leads()), request.batchSize(), examsScored)
                .predictions();
    }

    /**
     * Logits {@code [row][condition]} of the tensor stored under {@value #NPZ_INPUT_KEY} in {@code npz}, shape
     * {@code (B, C, L)} at 250 Hz with C the model's input channels, run in chunks of {@code batchSize} rows.
     */
    public static float[][] logitsOfNpz(LgaEcgModel model, Path npz, int batchSize) {
        try (NDManager reading = model.manager().newSubManager()) {
            Map<String, NDArray> arrays = Npz.read(npz, reading);
            NDArray input = arrays.get(NPZ_INPUT_KEY);
            if (input == null) {
                throw new EcgLabException(npz + ": no array '" + NPZ_INPUT_KEY + "' (found " + arrays.keySet()
                        + "); save the input as numpy.savez(file, input=x) with x of shape (B, C, L)");
            }
            if (input.getShape().dimension() != 3) {
                throw new EcgLabException(npz + ": array '" + NPZ_INPUT_KEY + "' has shape " + input.getShape()
                        + "; expected (B, C, L) with L = 2560 samples at 250 Hz");
            }
            checkChannels(model, input.getShape().get(1), npz + " array '" + NPZ_INPUT_KEY + "'");
            long rows = input.getShape().get(0);
            float[][] logits = new float[Math.toIntExact(rows)][];
            for (long start = 0; start < rows; start += batchSize) {
                long end = Math.min(rows, start + batchSize);
                try (NDManager scope = reading.newSubManager()) {
                    NDArray chunk = input.get(new NDIndex("{}:{}", start, end));
                    chunk.attach(scope);
                    NDArray z = model.predict(chunk.toType(DataType.FLOAT32, false)).head();
                    float[] values = z.toFloatArray();
                    int classes = values.length / (int) (end - start);
                    for (int i = 0; i < end - start; i++) {
                        logits[(int) start + i] = Arrays.copyOfRange(values, i * classes, (i + 1) * classes);
                    }
                }
            }
            return logits;
        }
    }

    private static void checkChannels(LgaEcgModel model, long channels, String what) {
        if (channels != model.inChannels()) {
            throw new EcgLabException(what + " gives " + channels + " channels but the model takes "
                    + model.inChannels() + "; choose leads (--leads, --input) that match the checkpoint");
        }
    }
}
