package org.ecgleadlab.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.exam.ExamScores;

/**
 * One method's {@link ExamScores} on every exam analysed, the second stage of the score chain, kept so that averages can be recomputed over any multiset of exams (the
 * bootstrap of {@link RankingStability}) and so that each exam can be ranked on its own (per-exam mode).
 */
public final class MethodExamScores implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final ImportanceMethod method;
    private final ArrayList<ExamScores> exams = new ArrayList<>();

    public MethodExamScores(ImportanceMethod method) {
        this.method = method;
    }

    public ImportanceMethod method() {
        return method;
    }

    /** Appends one exam's scores. */
    public void add(ExamScores exam) {
        exams.add(exam);
    }

    /** The exams in the order they were added. */
    public List<ExamScores> exams() {
        return Collections.unmodifiableList(exams);
    }

    public int size() {
        return exams.size();
    }

    /** The average over all exams. */
    public MethodAverage average() {
        return average(IntStream.range(0, exams.size()).toArray());
    }

    /**
     * The average over the exams at {@code indices} (repeats allowed): each matrix column over the exams that count for
     * that condition, the 12-vector over all of them.
     */
    public MethodAverage average(int[] indices) {
        double[][] matrix = new double[Lead.COUNT][Condition.COUNT];
        double[] vector = new double[Lead.COUNT];
        int[] counted = new int[Condition.COUNT];
        for (int index : indices) {
            ExamScores exam = exams.get(index);
            for (int c = 0; c < Condition.COUNT; c++) {
                if (exam.countsForClass()[c]) {
                    counted[c]++;
                    for (int l = 0; l < Lead.COUNT; l++) {
                        matrix[l][c] += exam.byLeadAndClass()[l][c];
                    }
                }
            }
            for (int l = 0; l < Lead.COUNT; l++) {
                vector[l] += exam.byLead()[l];
            }
        }
        for (int l = 0; l < Lead.COUNT; l++) {
            vector[l] = indices.length == 0 ? Double.NaN : vector[l] / indices.length;
            for (int c = 0; c < Condition.COUNT; c++) {
                matrix[l][c] = counted[c] == 0 ? Double.NaN : matrix[l][c] / counted[c];
            }
        }
        return new MethodAverage(method, matrix, vector, indices.length);
    }
}
