package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ecgleadlab.data.Lead;
import org.junit.jupiter.api.Test;

class AttentionPerturbationTest {
    /**
     * Two blocks of different sizes (1 head, 2 × 2 and 1 × 4 rows × keys), one exam. Occluding lead I changes the first
     * row of block 1 from (½, ½) to (¾, ¼); every other variant leaves the attention as it was.
     */
    @Test
    void meanRowKlPerBlockThenMeanOverBlocks() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] block1 = new float[OcclusionPass.VARIANTS * 2 * 2];
            float[] block2 = new float[OcclusionPass.VARIANTS * 4];
            for (int v = 0; v < OcclusionPass.VARIANTS; v++) {
                System.arraycopy(new float[] {0.5f, 0.5f, 0.9f, 0.1f}, 0, block1, v * 4, 4);
                System.arraycopy(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 0, block2, v * 4, 4);
            }
            int variantI = 1 + Lead.I.channel();
            block1[variantI * 4] = 0.75f;
            block1[variantI * 4 + 1] = 0.25f;
            NDList attentions = new NDList(
                    manager.create(block1, new Shape(OcclusionPass.VARIANTS, 1, 2, 2)),
                    manager.create(block2, new Shape(OcclusionPass.VARIANTS, 1, 1, 4)));

            double[] kl = AttentionPerturbation.klPerLead(attentions, 1).toDoubleArray();

            double rowKl = 0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(0.5 / 0.25);
            double block1Mean = rowKl / 2;  // one of two rows changed
            double expected = block1Mean / 2;  // block 2 unchanged, blocks weigh equally
            assertEquals(expected, kl[Lead.I.channel()], 1e-7);
            for (Lead lead : Lead.values()) {
                if (lead != Lead.I) {
                    assertEquals(0.0, kl[lead.channel()], 0.0, "unchanged attention must give exactly 0 for " + lead);
                }
            }
        }
    }

    @Test
    void batchesOfExamsKeepTheirOwnOriginal() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] rows = new float[2 * OcclusionPass.VARIANTS * 2];
            for (int r = 0; r < 2 * OcclusionPass.VARIANTS; r++) {
                boolean secondExam = r >= OcclusionPass.VARIANTS;
                rows[2 * r] = secondExam ? 0.2f : 0.6f;
                rows[2 * r + 1] = 1 - rows[2 * r];
            }
            NDArray a = manager.create(rows, new Shape(2L * OcclusionPass.VARIANTS, 1, 1, 2));
            double[] kl = AttentionPerturbation.klPerLead(new NDList(a), 2).toDoubleArray();
            assertEquals(2 * Lead.COUNT, kl.length);
            for (double v : kl) {
                assertEquals(0.0, v, 0.0);
            }
        }
    }
}
