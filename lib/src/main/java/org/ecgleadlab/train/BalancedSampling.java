package org.ecgleadlab.train;

import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;

/**
 * Class-balanced sampling by repetition ({@code train --balanced}): with a few hundred real records a class may have
 * three positives and another twenty, and the loss then barely sees the rare one. Each training exam appears
 * {@code round(max_c n_c / n_k)} times, where {@code n_k} is the positive count of its rarest positive class {@code k}
 * and {@code max_c n_c} that of the most frequent class; exams without any of the six labels appear once. The
 * repeated list is shuffled per epoch with the run's seed like any other, so the run stays reproducible.
 */
public final class BalancedSampling {
    private BalancedSampling() {
    }

    /** How often each exam of {@code exams} is repeated, in the same order. */
    public static int[] repeats(List<ExamInfo> exams) {
        int[] positives = new int[Condition.COUNT];
        for (ExamInfo exam : exams) {
            for (Condition c : Condition.values()) {
                positives[c.index()] += exam.has(c) ? 1 : 0;
            }
        }
        int most = 0;
        for (int count : positives) {
            most = Math.max(most, count);
        }
        int[] repeats = new int[exams.size()];
        for (int i = 0; i < exams.size(); i++) {
            int times = 1;
            for (Condition c : Condition.values()) {
                if (exams.get(i).has(c)) {
                    times = Math.max(times, (int) Math.round((double) most / positives[c.index()]));
                }
            }
            repeats[i] = times;
        }
        return repeats;
    }

    /** {@code exams} with each exam repeated {@link #repeats} times, kept together in the original order. */
    public static List<ExamInfo> repeat(List<ExamInfo> exams) {
        int[] repeats = repeats(exams);
        List<ExamInfo> out = new ArrayList<>();
        for (int i = 0; i < exams.size(); i++) {
            for (int r = 0; r < repeats[i]; r++) {
                out.add(exams.get(i));
            }
        }
        return out;
    }
}
