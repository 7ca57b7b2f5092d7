package org.ecgleadlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.exam.ExamArrays;
import org.ecgleadlab.explain.exam.TwelveLeads;
import org.ecgleadlab.model.LgaEcgModel;

/**
 * The forward pass shared by the three occlusion methods: every exam X is stacked with its 12 lead-masked variants
 * X^(−l) (lead l zeroed) and all 13 go through the model in one batched eval-mode forward. The logits feed output
 * perturbation and loss impact; the attention matrices are reduced to the attention-perturbation KL right away, so
 * they never leave the device. Exams are never split across forwards, so an exam and its variants always run under
 * the same kernels.
 */
public final class OcclusionPass {
    /** Rows per exam: the original and one variant per lead. */
    public static final int VARIANTS = 1 + Lead.COUNT;

    private final LgaEcgModel model;
    private final int examsPerForward;
    private final boolean withAttention;

    /**
     * @param model             a 12-lead model
     * @param maxRowsPerForward memory cap: at most this many rows (13 per exam, at least one exam) per forward
     * @param withAttention     whether to compute the attention KL (needs the model's attention matrices)
     */
    public OcclusionPass(LgaEcgModel model, int maxRowsPerForward, boolean withAttention) {
        this.model = TwelveLeads.require(model);
        this.examsPerForward = Math.max(1, maxRowsPerForward / VARIANTS);
        this.withAttention = withAttention;
    }

    /**
     * The model's view of X and of every X^(−l).
     *
     * @param logits      {@code [exam][variant][class]}: variant 0 is X, variant 1 + l is X^(−l)
     * @param attentionKl {@code [exam][lead]} KL(A ‖ A^(−l)) aggregated as {@link AttentionPerturbation} describes, or
     *                    null when attention was not asked for
     * @param forwardNanos time spent in the model's forwards
     * @param klNanos      time spent reducing attention matrices to KL divergences
     */
    public record Result(double[][][] logits, double[][] attentionKl, long forwardNanos, long klNanos) {
    }

    /** Runs the pass over {@code exams}, each a channel-major {@code float[12 * L]}. */
    public Result run(float[][] exams) {
        int length = ExamArrays.samplesPerLead(exams);
        double[][][] logits = new double[exams.length][][];
        double[][] kl = withAttention ? new double[exams.length][] : null;
        long forwardNanos = 0;
        long klNanos = 0;
        for (int start = 0; start < exams.length; start += examsPerForward) {
            int count = Math.min(examsPerForward, exams.length - start);
            try (NDManager scope = model.manager().newSubManager()) {
                NDArray input = scope.create(stackVariants(exams, start, count, length),
                        new Shape((long) count * VARIANTS, Lead.COUNT, length));
                long t0 = System.nanoTime();
                NDList out = model.predict(input);
                float[] flat = out.get(0).toType(DataType.FLOAT32, false).toFloatArray();
                long t1 = System.nanoTime();
                forwardNanos += t1 - t0;
                for (int e = 0; e < count; e++) {
                    logits[start + e] = new double[VARIANTS][Condition.COUNT];
                    for (int v = 0; v < VARIANTS; v++) {
                        for (int c = 0; c < Condition.COUNT; c++) {
                            logits[start + e][v][c] = flat[(e * VARIANTS + v) * Condition.COUNT + c];
                        }
                    }
                }
                if (withAttention) {
                    float[] perLead = AttentionPerturbation.klPerLead(out.subNDList(1), count).toFloatArray();
                    for (int e = 0; e < count; e++) {
                        kl[start + e] = new double[Lead.COUNT];
                        for (int l = 0; l < Lead.COUNT; l++) {
                            kl[start + e][l] = perLead[e * Lead.COUNT + l];
                        }
                    }
                    klNanos += System.nanoTime() - t1;
                }
            }
        }
        return new Result(logits, kl, forwardNanos, klNanos);
    }

    /** Rows [X, X^(−I), ..., X^(−V6)] for each of {@code count} exams from {@code start}. */
    private static float[] stackVariants(float[][] exams, int start, int count, int length) {
        int rowSize = Lead.COUNT * length;
        float[] rows = new float[count * VARIANTS * rowSize];
        for (int e = 0; e < count; e++) {
            float[] exam = exams[start + e];
            for (int v = 0; v < VARIANTS; v++) {
                int offset = (e * VARIANTS + v) * rowSize;
                System.arraycopy(exam, 0, rows, offset, rowSize);
                if (v > 0) {
                    int lead = v - 1;
                    java.util.Arrays.fill(rows, offset + lead * length, offset + (lead + 1) * length, 0f);
                }
            }
        }
        return rows;
    }
}
