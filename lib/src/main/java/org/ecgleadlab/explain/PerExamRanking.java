package org.ecgleadlab.explain;

import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.exam.ExamScores;

/**
 * Beyond the paper (its stated future work): a patient-specific ranking. Each exam's own 12-vectors are fused exactly
 * as the population ranking fuses the averages (clip at 0, normalise to sum 1, mean over methods), so each exam gets
 * its own lead order.
 */
public final class PerExamRanking {
    private PerExamRanking() {
    }

    /**
     * One exam's ranking.
     *
     * @param finalScores {@code FinalScore} per lead channel
     * @param order       the 12 leads, most important first
     */
    public record ExamRanking(long examId, double[] finalScores, List<Lead> order) {
    }

    /** Ranks every exam; {@code methods} must hold the same exams in the same order. */
    public static List<ExamRanking> rank(List<MethodExamScores> methods) {
        int exams = methods.get(0).size();
        List<ExamRanking> rankings = new ArrayList<>(exams);
        for (int e = 0; e < exams; e++) {
            List<MethodAverage> own = new ArrayList<>();
            long id = methods.get(0).exams().get(e).examId();
            for (MethodExamScores method : methods) {
                ExamScores exam = method.exams().get(e);
                if (exam.examId() != id) {
                    throw new IllegalArgumentException("methods hold different exams at position " + e);
                }
                own.add(new MethodAverage(method.method(), exam.byLeadAndClass(), exam.byLead(), 1));
            }
            FusedRanking ranking = FusedRanking.fuse(own);
            rankings.add(new ExamRanking(id, ranking.finalScores(), ranking.order()));
        }
        return rankings;
    }

    /** How many exams rank each lead (index = channel) within their first {@code k}. */
    public static int[] countInTop(List<ExamRanking> rankings, int k) {
        int[] counts = new int[Lead.COUNT];
        for (ExamRanking ranking : rankings) {
            for (Lead lead : RankedSubsets.top(ranking.order(), k)) {
                counts[lead.channel()]++;
            }
        }
        return counts;
    }
}
