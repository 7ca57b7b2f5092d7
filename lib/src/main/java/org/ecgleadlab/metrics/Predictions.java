package org.ecgleadlab.metrics;

import java.io.Serializable;
import java.util.List;

import org.ecgleadlab.data.Condition;
import org.ecgleadlab.util.EcgLabException;

/**
 * A model's outputs on a set of exams, with the truth: for exam {@code i}, its id, the six predicted probabilities and
 * the six 0/1 labels, both in {@link Condition} order. Arrays are kept as given (not copied): do not modify them.
 *
 * @param examIds       the CODE exam ids, one per exam
 * @param probabilities {@code [exam][condition]}, sigmoid outputs in [0, 1]
 * @param labels        {@code [exam][condition]}, 0 or 1
 */
public record Predictions(long[] examIds, float[][] probabilities, float[][] labels) implements Serializable {
    public Predictions {
        if (examIds.length != probabilities.length || examIds.length != labels.length) {
            throw new IllegalArgumentException("predictions need one id, one probability row and one label row per exam: "
                    + examIds.length + " ids, " + probabilities.length + " probability rows, " + labels.length
                    + " label rows");
        }
        for (int i = 0; i < examIds.length; i++) {
            checkRow(examIds[i], "probabilities", probabilities[i]);
            checkRow(examIds[i], "labels", labels[i]);
            for (int c = 0; c < Condition.COUNT; c++) {
                float p = probabilities[i][c];
                if (!(p >= 0f && p <= 1f)) {
                    throw new EcgLabException("exam " + examIds[i] + ": probability of " + Condition.values()[c]
                            + " is " + p + ", expected a value in [0, 1]; pass sigmoid outputs, not logits");
                }
                float y = labels[i][c];
                if (y != 0f && y != 1f) {
                    throw new EcgLabException("exam " + examIds[i] + ": label of " + Condition.values()[c] + " is "
                            + y + ", expected 0 or 1");
                }
            }
        }
    }

    /** The exams of {@code parts} one after the other, in the order given (the groups of a cluster job). */
    public static Predictions concat(List<Predictions> parts) {
        int n = parts.stream().mapToInt(Predictions::size).sum();
        long[] ids = new long[n];
        float[][] probabilities = new float[n][];
        float[][] labels = new float[n][];
        int at = 0;
        for (Predictions part : parts) {
            System.arraycopy(part.examIds(), 0, ids, at, part.size());
            System.arraycopy(part.probabilities(), 0, probabilities, at, part.size());
            System.arraycopy(part.labels(), 0, labels, at, part.size());
            at += part.size();
        }
        return new Predictions(ids, probabilities, labels);
    }

    /** Predictions with integer labels, e.g. from a label matrix read elsewhere. */
    public static Predictions of(long[] examIds, float[][] probabilities, int[][] labels) {
        float[][] asFloat = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            asFloat[i] = new float[labels[i].length];
            for (int c = 0; c < labels[i].length; c++) {
                asFloat[i][c] = labels[i][c];
            }
        }
        return new Predictions(examIds, probabilities, asFloat);
    }

    /** Predictions whose exams are simply numbered 0 … N−1 (tests, notebooks). */
    public static Predictions numbered(float[][] probabilities, float[][] labels) {
        long[] ids = new long[probabilities.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return new Predictions(ids, probabilities, labels);
    }

    /** The number of exams. */
    public int size() {
        return examIds.length;
    }

    /** Whether exam {@code exam} is labelled with condition {@code c}. */
    public boolean actual(int exam, int c) {
        return labels[exam][c] == 1f;
    }

    /** Whether exam {@code exam} is predicted positive for condition {@code c} under {@code thresholds}. */
    public boolean predicted(int exam, int c, Thresholds thresholds) {
        return thresholds.isPositive(probabilities[exam][c], c);
    }

    private static void checkRow(long examId, String field, float[] row) {
        if (row == null || row.length != Condition.COUNT) {
            throw new EcgLabException("exam " + examId + ": " + field + " must have " + Condition.COUNT
                    + " values (1dAVb, RBBB, LBBB, SB, AF, ST), got " + (row == null ? "none" : row.length));
        }
    }
}
