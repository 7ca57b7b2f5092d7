package org.ecgleadlab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ecgleadlab.util.EcgLabException;

/**
 * K-fold assignment for cross-validation, grouped by patient ({@link ExamInfo#patientKey()}: exams of one patient
 * always share a fold; an exam of unknown patient is its own group) and stratified by label: groups are dealt rarest
 * class first, each to the fold holding the fewest positives of that class so far (ties: fewest exams, then the
 * lowest fold), so every class is spread over the folds as evenly as its count allows. Groups of equal rarity are
 * shuffled with {@code seed} first, so the assignment is seeded and repeatable.
 */
public final class GroupedFolds {
    private GroupedFolds() {
    }

    /** The fold (0 … k−1) of every exam, by exam id, in the order of {@code exams}. */
    public static Map<Long, Integer> assign(List<ExamInfo> exams, int k, long seed) {
        if (k < 2) {
            throw new EcgLabException("--cross-validate is " + k + "; use at least 2 folds, e.g. 5");
        }
        Map<String, List<ExamInfo>> groups = new LinkedHashMap<>();
        exams.forEach(e -> groups.computeIfAbsent(e.patientKey(), p -> new ArrayList<>()).add(e));
        if (groups.size() < k) {
            throw new EcgLabException(exams.size() + " exams of " + groups.size() + " patients cannot fill " + k
                    + " folds; use fewer folds");
        }
        int[] positives = new int[Condition.COUNT];
        exams.forEach(e -> {
            for (Condition c : Condition.values()) {
                positives[c.index()] += e.has(c) ? 1 : 0;
            }
        });
        List<List<ExamInfo>> order = new ArrayList<>(groups.values());
        Collections.shuffle(order, new Random(seed));
        order.sort((a, b) -> Integer.compare(rarity(a, positives), rarity(b, positives))); // stable: keeps the shuffle
        int[][] foldPositives = new int[k][Condition.COUNT];
        int[] foldExams = new int[k];
        Map<Long, Integer> fold = new LinkedHashMap<>();
        for (List<ExamInfo> group : order) {
            int rarest = rarestClass(group, positives);
            int best = 0;
            for (int f = 1; f < k; f++) {
                int byClass = rarest < 0 ? 0 : Integer.compare(foldPositives[f][rarest], foldPositives[best][rarest]);
                if (byClass < 0 || byClass == 0 && foldExams[f] < foldExams[best]) {
                    best = f;
                }
            }
            for (ExamInfo exam : group) {
                fold.put(exam.examId(), best);
                foldExams[best]++;
                for (Condition c : Condition.values()) {
                    foldPositives[best][c.index()] += exam.has(c) ? 1 : 0;
                }
            }
        }
        Map<Long, Integer> inOrder = new LinkedHashMap<>();
        exams.forEach(e -> inOrder.put(e.examId(), fold.get(e.examId())));
        return inOrder;
    }

    /** The positive count of the group's rarest class; groups without any label come last. */
    private static int rarity(List<ExamInfo> group, int[] positives) {
        int rarest = rarestClass(group, positives);
        return rarest < 0 ? Integer.MAX_VALUE : positives[rarest];
    }

    /** The index of the group's class with the fewest positives overall, or −1 when it has none of the six. */
    private static int rarestClass(List<ExamInfo> group, int[] positives) {
        int rarest = -1;
        for (ExamInfo exam : group) {
            for (Condition c : Condition.values()) {
                if (exam.has(c) && (rarest < 0 || positives[c.index()] < positives[rarest])) {
                    rarest = c.index();
                }
            }
        }
        return rarest;
    }
}
