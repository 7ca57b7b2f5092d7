package org.ecgleadlab.explain;

import org.ecgleadlab.data.Lead;

/** Checks on the channel-major exam arrays ({@code float[12 * L]}) the methods take. */
final class ExamTensors {
    private ExamTensors() {
    }

    /** The common samples-per-lead L of {@code exams}; fails on an empty batch or mixed lengths. */
    static int samplesPerLead(float[][] exams) {
        if (exams.length == 0) {
            throw new IllegalArgumentException("empty batch of exams");
        }
        int size = exams[0].length;
        for (float[] exam : exams) {
            if (exam.length != size || size % Lead.COUNT != 0) {
                throw new IllegalArgumentException("exams must all be 12-lead arrays of one length, got "
                        + exam.length + " and " + size + " values");
            }
        }
        return size / Lead.COUNT;
    }
}
