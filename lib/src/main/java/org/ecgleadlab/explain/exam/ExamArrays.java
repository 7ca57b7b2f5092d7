package org.ecgleadlab.explain.exam;

import java.util.Arrays;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;

/**
 * A {@link Batch} cut into one array per exam, the form the methods index by exam: each method stacks, masks or
 * scales whole exams, so it wants them apart rather than as offsets into the batch's flat arrays.
 *
 * @param ids            the exam ids
 * @param inputs         channel-major {@code float[12 * L]} per exam
 * @param labels         {@code float[6]} per exam, in {@link Condition} order
 * @param samplesPerLead L, the same for every exam
 */
public record ExamArrays(long[] ids, float[][] inputs, float[][] labels, int samplesPerLead) {
    /** Cuts a 12-lead batch; fails on an empty batch or one that is not 12 leads of whole samples. */
    public static ExamArrays of(Batch batch) {
        if (batch.size() == 0) {
            throw new IllegalArgumentException("empty batch of exams");
        }
        int perExam = batch.inputs().length / batch.size();
        if (batch.channels() != Lead.COUNT || perExam % Lead.COUNT != 0 || perExam * batch.size() != batch.inputs().length) {
            throw new IllegalArgumentException("exams must all be 12-lead arrays of one length, got "
                    + batch.channels() + " channels and " + batch.inputs().length + " values for " + batch.size()
                    + " exams");
        }
        float[][] inputs = new float[batch.size()][];
        float[][] labels = new float[batch.size()][];
        for (int e = 0; e < batch.size(); e++) {
            inputs[e] = Arrays.copyOfRange(batch.inputs(), e * perExam, (e + 1) * perExam);
            labels[e] = Arrays.copyOfRange(batch.labels(), e * Condition.COUNT, (e + 1) * Condition.COUNT);
        }
        return new ExamArrays(batch.examIds(), inputs, labels, perExam / Lead.COUNT);
    }

    public int size() {
        return inputs.length;
    }

    /** The common samples-per-lead L of {@code exams}; fails on an empty batch or mixed lengths. */
    public static int samplesPerLead(float[][] exams) {
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
