package org.ecgleadlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.metrics.MultiLabelMetrics;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.model.Losses;
import org.ecgleadlab.model.NoGrad;

/**
 * A model's eval-mode outputs on a set of exams, in the order the batches delivered them.
 *
 * @param examIds  one id per exam
 * @param logits   {@code [exam][condition]}, {@link Condition} order
 * @param labels   {@code [exam][condition]}, the exams' 0/1 labels
 * @param meanLoss binary cross-entropy with logits averaged over all {@code n × 6} outputs (NaN for no exams)
 */
public record Scores(long[] examIds, float[][] logits, float[][] labels, double meanLoss) {

    /** Runs {@code model} in eval mode (no dropout, running BatchNorm statistics, no gradients) over {@code batches}. */
    public static Scores evaluate(LgaEcgModel model, Iterable<Batch> batches) {
        List<Long> ids = new ArrayList<>();
        List<float[]> logits = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        double lossSum = 0;
        try (NoGrad noGrad = NoGrad.enter()) {
            for (Batch batch : batches) {
                try (NDManager scope = model.manager().newSubManager()) {
                    NDArray x = scope.create(batch.inputs(), new Shape(batch.size(), batch.channels(),
                            CodeFormat.MODEL_SAMPLES));
                    NDArray y = scope.create(batch.labels(), new Shape(batch.size(), Condition.COUNT));
                    NDArray z = model.forward(x, false).head();
                    lossSum += Losses.bceWithLogits(z, y).sum().getFloat();
                    float[] zValues = z.toFloatArray();
                    for (int i = 0; i < batch.size(); i++) {
                        ids.add(batch.examIds()[i]);
                        logits.add(row(zValues, i));
                        labels.add(row(batch.labels(), i));
                    }
                }
            }
        }
        long outputs = (long) ids.size() * Condition.COUNT;
        return new Scores(ids.stream().mapToLong(Long::longValue).toArray(), logits.toArray(float[][]::new),
                labels.toArray(float[][]::new), outputs == 0 ? Double.NaN : lossSum / outputs);
    }

    private static float[] row(float[] rowMajor, int i) {
        float[] row = new float[Condition.COUNT];
        System.arraycopy(rowMajor, i * Condition.COUNT, row, 0, Condition.COUNT);
        return row;
    }

    /** Number of exams. */
    public int size() {
        return examIds.length;
    }

    /** Probabilities (sigmoid of the logits) with the labels, for the metrics and the predictions file. */
    public Predictions predictions() {
        float[][] probabilities = new float[logits.length][Condition.COUNT];
        for (int i = 0; i < logits.length; i++) {
            for (int c = 0; c < Condition.COUNT; c++) {
                probabilities[i][c] = (float) (1 / (1 + Math.exp(-logits[i][c])));
            }
        }
        return new Predictions(examIds, probabilities, labels);
    }

    /** Macro F1 over the six classes at threshold 0.5. */
    public double macroF1() {
        return MultiLabelMetrics.of(predictions()).macroF1();
    }
}
