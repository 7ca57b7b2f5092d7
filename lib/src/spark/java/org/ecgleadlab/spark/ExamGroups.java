package org.ecgleadlab.spark;

import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.data.ExamInfo;

/**
 * The exams of a job cut into the groups its tasks score: consecutive runs of the job's exam order (so a task reads
 * consecutive rows of a part file, and the groups joined in order are the single-JVM order), each a whole number of
 * batches so the batches are the single-JVM command's.
 */
final class ExamGroups {
    /** Tasks per core by default: small enough groups that a slow or lost task costs little. */
    static final int TASKS_PER_CORE = 4;

    private ExamGroups() {
    }

    /** Exams per group: {@code given}, or the exams over {@value #TASKS_PER_CORE} tasks per core in whole batches. */
    static int size(int exams, int cores, int batchSize, Integer given) {
        if (given != null) {
            return given;
        }
        int share = (int) Math.ceil(exams / (double) (Math.max(1, cores) * TASKS_PER_CORE));
        int batches = Math.max(1, (int) Math.ceil(share / (double) batchSize));
        return batches * batchSize;
    }

    /** {@code exams} in consecutive groups of {@code size} (the last may be smaller). */
    static List<List<ExamRow>> of(List<ExamInfo> exams, int size) {
        List<List<ExamRow>> groups = new ArrayList<>();
        for (int start = 0; start < exams.size(); start += size) {
            List<ExamRow> group = new ArrayList<>();
            exams.subList(start, Math.min(exams.size(), start + size)).forEach(e -> group.add(ExamRow.of(e)));
            groups.add(group);
        }
        return groups;
    }
}
