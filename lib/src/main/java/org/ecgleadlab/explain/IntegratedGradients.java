package org.ecgleadlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.model.Losses;

/**
 * Integrated Gradients (paper §4.2.2) from the zero baseline: IG(X) = X ⊙ ∫₀¹ ∂S(αX)/∂x dα, with the scoring function
 * S = −loss (the mean multi-label BCE) for the 12-vector and S_c = −loss_c (one condition's BCE term) for the condition
 * columns; a lead's importance is Σ_t |IG(X)_{l,t}|.
 *
 * <p>All integration points of all conditions of a batch of exams go through the model as rows of one batch: row
 * (exam e, point k, condition c) holds α_k X_e and back-propagates S_c, so one backward gives every row's own
 * gradient (eval mode makes rows independent). The attribution of S is the mean of the six per-condition attributions,
 * since S is the mean of the S_c and IG is linear in S; only the absolute value must wait until the end.
 */
public final class IntegratedGradients {
    private final LgaEcgModel model;
    private final Config config;

    /**
     * @param steps          number of integration steps n
     * @param rule           where the gradient is evaluated along the path (see {@link QuadratureRule})
     * @param maxRowsPerPass memory cap: rows (exam × point × condition) per forward/backward
     */
    public record Config(int steps, QuadratureRule rule, int maxRowsPerPass) {
    }

    /**
     * IG of a batch.
     *
     * @param importance     per exam: Σ_t |IG_c| per lead and condition, Σ_t |IG| per lead
     * @param attributionSum per exam: Σ over leads and samples of IG(X) for S (completeness: ≈ {@code scoreDelta})
     * @param scoreDelta     per exam: S(X) − S(0)
     */
    public record Result(List<ExamImportance> importance, double[] attributionSum, double[] scoreDelta) {
    }

    public IntegratedGradients(LgaEcgModel model, Config config) {
        this.model = TwelveLeads.require(model);
        this.config = config;
    }

    /** Attributes every exam ({@code float[12 * L]}, channel-major) against its labels. */
    public Result attribute(List<Long> examIds, float[][] exams, float[][] labels) {
        int length = ExamTensors.samplesPerLead(exams);
        int rowSize = Lead.COUNT * length;
        double[] alphas = config.rule().alphas(config.steps());
        double[] weights = config.rule().weights(config.steps());
        int rowsPerExam = alphas.length * Condition.COUNT;
        int totalRows = exams.length * rowsPerExam;
        float[][][] integral = new float[exams.length][Condition.COUNT][rowSize];
        for (int first = 0; first < totalRows; first += config.maxRowsPerPass()) {
            int rows = Math.min(config.maxRowsPerPass(), totalRows - first);
            float[] input = new float[rows * rowSize];
            float[] selected = new float[rows * Condition.COUNT];
            float[] label = new float[rows];
            for (int i = 0; i < rows; i++) {
                int row = first + i;
                int exam = row / rowsPerExam;
                int point = row % rowsPerExam / Condition.COUNT;
                int condition = row % Condition.COUNT;
                float alpha = (float) alphas[point];
                for (int j = 0; j < rowSize; j++) {
                    input[i * rowSize + j] = alpha * exams[exam][j];
                }
                selected[i * Condition.COUNT + condition] = 1;
                label[i] = labels[exam][condition];
            }
            float[] gradient = gradients(input, selected, label, rows, length);
            for (int i = 0; i < rows; i++) {
                int row = first + i;
                float weight = (float) weights[row % rowsPerExam / Condition.COUNT];
                float[] sum = integral[row / rowsPerExam][row % Condition.COUNT];
                for (int j = 0; j < rowSize; j++) {
                    sum[j] += weight * gradient[i * rowSize + j];
                }
            }
        }
        return summarise(examIds, exams, labels, integral, length);
    }

    /**
     * ∂S_c/∂x of every row, where S_c = −BCE of the row's selected logit. The weights stop recording gradients for
     * the duration (those that did are restored afterwards): only the input's gradient is wanted, and skipping the
     * weight gradients saves about a quarter of the backward pass.
     */
    private float[] gradients(float[] input, float[] selected, float[] label, int rows, int length) {
        List<NDArray> weights = model.namedParameters().values().stream().map(Parameter::getArray)
                .filter(NDArray::hasGradient).toList();
        weights.forEach(w -> w.setRequiresGradient(false));
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray x = scope.create(input, new Shape(rows, Lead.COUNT, length));
            x.setRequiresGradient(true);
            try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
                NDArray logits = model.forward(x, false).get(0).toType(DataType.FLOAT32, false);
                NDArray z = logits.mul(scope.create(selected, new Shape(rows, Condition.COUNT))).sum(new int[] {1});
                NDArray score = Losses.bceWithLogits(z, scope.create(label)).sum().neg();
                collector.backward(score);
            }
            return x.getGradient().toFloatArray();
        } finally {
            weights.forEach(w -> w.setRequiresGradient(true));
        }
    }

    private Result summarise(List<Long> examIds, float[][] exams, float[][] labels, float[][][] integral, int length) {
        double[][] endpoints = endpointLogits(exams, length);
        ExamImportance[] importance = new ExamImportance[exams.length];
        double[] attributionSum = new double[exams.length];
        double[] scoreDelta = new double[exams.length];
        for (int e = 0; e < exams.length; e++) {
            double[][] byLeadAndClass = new double[Lead.COUNT][Condition.COUNT];
            double[] byLead = new double[Lead.COUNT];
            for (int l = 0; l < Lead.COUNT; l++) {
                for (int t = l * length; t < (l + 1) * length; t++) {
                    double total = 0;
                    for (int c = 0; c < Condition.COUNT; c++) {
                        double ig = (double) exams[e][t] * integral[e][c][t];
                        byLeadAndClass[l][c] += Math.abs(ig);
                        total += ig / Condition.COUNT;
                    }
                    byLead[l] += Math.abs(total);
                    attributionSum[e] += total;
                }
            }
            importance[e] = new ExamImportance(examIds.get(e), byLeadAndClass, byLead, ExamImportance.allClasses());
            scoreDelta[e] = score(endpoints[1 + e], labels[e]) - score(endpoints[0], labels[e]);
        }
        return new Result(List.of(importance), attributionSum, scoreDelta);
    }

    /** Logits of the baseline (row 0) and of every exam (row 1 + e), for the completeness check. */
    private double[][] endpointLogits(float[][] exams, int length) {
        int rowSize = Lead.COUNT * length;
        float[] input = new float[(exams.length + 1) * rowSize];
        for (int e = 0; e < exams.length; e++) {
            System.arraycopy(exams[e], 0, input, (e + 1) * rowSize, rowSize);
        }
        float[] flat;
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray x = scope.create(input, new Shape(exams.length + 1, Lead.COUNT, length));
            flat = model.predict(x).get(0).toType(DataType.FLOAT32, false).toFloatArray();
        }
        double[][] logits = new double[exams.length + 1][Condition.COUNT];
        for (int r = 0; r < logits.length; r++) {
            for (int c = 0; c < Condition.COUNT; c++) {
                logits[r][c] = flat[r * Condition.COUNT + c];
            }
        }
        return logits;
    }

    /** S = −(mean multi-label BCE). */
    private static double score(double[] logits, float[] labels) {
        double loss = 0;
        for (int c = 0; c < Condition.COUNT; c++) {
            loss += LossImpact.bceWithLogits(logits[c], labels[c]) / Condition.COUNT;
        }
        return -loss;
    }
}
