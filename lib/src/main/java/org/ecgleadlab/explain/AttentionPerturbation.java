package org.ecgleadlab.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.exam.ExamScores;
import org.ecgleadlab.util.EcgLabException;

/**
 * Attention perturbation (paper §4.2.1): how much occluding lead l disturbs the model's attention,
 * KL(A ‖ A^(−l)) = Σ_ij A_ij log(A_ij / (A^(−l)_ij + ε)).
 *
 * <p>Aggregation over the attention matrices {@code (heads, M, N)} of the five blocks: each row i of a head's matrix is
 * a softmax over the N keys, i.e. a probability distribution, so the natural unit is the KL of one row. We take the mean
 * row-KL per head (the mean over the M query rows), the mean over heads, and the mean over blocks. Means, not the
 * paper's plain double sum, because the blocks differ in size (block 1 has 160 × 320 entries per head, block 5 has
 * 5 × 10): a sum would let the first block's many rows outweigh the deeper blocks, where the model's decision is
 * formed. With means every block and head weighs equally and the score stays a KL in nats per attention row.
 *
 * <p>We evaluate {@code A (log(A + ε) − log(A^(−l) + ε))}, ε = 1e-8, in the attention's own float32: it differs from
 * the paper's formula by O(ε), is defined where A underflows to 0, and is exactly 0 when occlusion leaves the
 * attention unchanged (the paper's form gives −ε per entry there). Rounding adds well under 1e-6 per row, far below
 * the KL of occluding a lead the model uses. The condition columns average the KL over the exams in which that
 * condition is present; the 12-vector averages it over all exams.
 */
public final class AttentionPerturbation {
    /** The ε of the KL formula. */
    public static final double EPSILON = 1e-8;

    private AttentionPerturbation() {
    }

    /**
     * Reduces the attention matrices of a batch of stacked variants to one KL per exam and lead.
     *
     * @param attentions one array per block, {@code (exams * 13, heads, M, N)}, rows ordered as {@link OcclusionPass}
     *                   stacks them
     * @param exams      number of exams in the batch
     * @return {@code (exams * 12)}: mean over blocks of the mean over heads and query rows of the row-KL
     */
    public static NDArray klPerLead(NDList attentions, int exams) {
        if (attentions.isEmpty()) {
            throw new EcgLabException("the model returned no attention matrices; run rank-leads without the "
                    + "attention method (--methods output,loss,ig)");
        }
        NDArray total = null;
        for (NDArray attention : attentions) {
            long[] shape = attention.getShape().getShape();
            NDArray a = attention.reshape(exams, OcclusionPass.VARIANTS, shape[1], shape[2], shape[3]);
            NDArray original = a.get(":, 0:1");
            NDArray occluded = a.get(":, 1:");
            NDArray rowKl = original.mul(original.add(EPSILON).log().sub(occluded.add(EPSILON).log()))
                    .sum(new int[] {4});
            NDArray perLead = rowKl.mean(new int[] {3}).mean(new int[] {2});
            total = total == null ? perLead : total.add(perLead);
        }
        return total.div(attentions.size()).reshape(-1);
    }

    /** The exam's importance: the lead's KL in every column of a condition present in the exam. */
    public static ExamScores score(long examId, double[] klPerLead, float[] labels) {
        boolean[] present = ExamScores.presentConditions(labels);
        double[][] byLeadAndClass = new double[Lead.COUNT][Condition.COUNT];
        for (int c = 0; c < Condition.COUNT; c++) {
            for (int l = 0; l < Lead.COUNT; l++) {
                byLeadAndClass[l][c] = present[c] ? klPerLead[l] : 0;
            }
        }
        return new ExamScores(examId, byLeadAndClass, klPerLead.clone(), present);
    }
}
