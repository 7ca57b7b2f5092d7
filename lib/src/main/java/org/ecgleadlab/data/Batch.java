package org.ecgleadlab.data;

/**
 * One mini-batch of model inputs.
 *
 * @param inputs   {@code size * channels * 2560} floats: exam-major, then channel-major (shape (B, C, 2560))
 * @param channels channels per exam (12, or the number of selected leads)
 * @param labels   {@code size * 6} floats in {@link Condition} order
 * @param examIds  the exam id of each row
 * @param size     exams in this batch (B); can be below the requested batch size at the end of an epoch or where
 *                 all-zero exams were left out
 */
public record Batch(float[] inputs, int channels, float[] labels, long[] examIds, int size) {
}
