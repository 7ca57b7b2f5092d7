package org.ecgleadlab.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;

/**
 * Which exams of the interpretability half a quick ranking analyses. The paper averages over the whole half; a quick
 * run takes {@code n} of them, drawn round-robin over seven groups — the six conditions and the exams without any
 * label — so every column of the lead × condition matrices rests on several exams even when n is small. Within a group
 * the order is a seeded shuffle, so the choice depends on the seed and the exam ids only.
 */
public final class ExamSelection {
    private ExamSelection() {
    }

    /**
     * {@code n} exams of {@code half} (all of them when {@code n} ≤ 0 or ≥ its size), returned in the half's order.
     */
    public static List<ExamInfo> balanced(List<ExamInfo> half, int n, long seed) {
        if (n <= 0 || n >= half.size()) {
            return half;
        }
        List<ExamInfo> shuffled = new ArrayList<>(half);
        shuffled.sort(Comparator.comparingLong(ExamInfo::examId));
        Collections.shuffle(shuffled, new Random(seed));
        List<List<ExamInfo>> groups = new ArrayList<>();
        for (Condition c : Condition.values()) {
            groups.add(shuffled.stream().filter(e -> e.has(c)).toList());
        }
        groups.add(shuffled.stream().filter(e -> !e.hasAnyLabel()).toList());
        Set<ExamInfo> chosen = new LinkedHashSet<>();
        int[] next = new int[groups.size()];
        while (chosen.size() < n) {
            for (int g = 0; g < groups.size() && chosen.size() < n; g++) {
                List<ExamInfo> group = groups.get(g);
                while (next[g] < group.size() && chosen.contains(group.get(next[g]))) {
                    next[g]++;
                }
                if (next[g] < group.size()) {
                    chosen.add(group.get(next[g]++));
                }
            }
        }
        return half.stream().filter(chosen::contains).toList();
    }
}
