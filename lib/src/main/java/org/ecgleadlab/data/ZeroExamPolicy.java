package org.ecgleadlab.data;

/**
 * What batch streaming does with an exam whose stored tracing is all zeros (CODE-15% has some: failed recordings).
 * Such an exam carries no signal, so it is left out of training and lead ranking by default; evaluation may keep it to
 * report on every exam of the test pool.
 */
public enum ZeroExamPolicy {
    /** Leave all-zero exams out of the batches and record their ids. */
    EXCLUDE,
    /** Feed all-zero exams like any other. */
    KEEP;

    /** Whether a raw tracing holds only zeros. */
    public static boolean isAllZero(float[] raw) {
        for (float v : raw) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }
}
