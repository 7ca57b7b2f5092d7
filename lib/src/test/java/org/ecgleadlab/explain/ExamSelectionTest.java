package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.junit.jupiter.api.Test;

class ExamSelectionTest {
    /** 100 exams: 5 per condition, the rest normal. */
    private static List<ExamInfo> half() {
        List<ExamInfo> exams = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            float[] labels = new float[Condition.COUNT];
            if (i < 30) {
                labels[i % Condition.COUNT] = 1;
            }
            exams.add(new ExamInfo(1000 + i, i, labels, Path.of("pool.hdf5"), i, "test"));
        }
        return exams;
    }

    @Test
    void everyConditionGetsExamsEvenWhenFewAreDrawn() {
        List<ExamInfo> chosen = ExamSelection.balanced(half(), 14, 7);
        assertEquals(14, chosen.size());
        for (Condition c : Condition.values()) {
            assertEquals(2, chosen.stream().filter(e -> e.has(c)).count(), c.column());
        }
        assertEquals(2, chosen.stream().filter(e -> !e.hasAnyLabel()).count());
    }

    @Test
    void theSeedDecidesAndTheHalfOrderIsKept() {
        List<ExamInfo> half = half();
        assertEquals(ExamSelection.balanced(half, 14, 7), ExamSelection.balanced(half, 14, 7));
        assertNotEquals(ExamSelection.balanced(half, 14, 7), ExamSelection.balanced(half, 14, 8));
        List<ExamInfo> chosen = ExamSelection.balanced(half, 40, 7);
        for (int i = 1; i < chosen.size(); i++) {
            assertTrue(chosen.get(i - 1).examId() < chosen.get(i).examId());
        }
        assertSame(half, ExamSelection.balanced(half, 0, 7));
        assertSame(half, ExamSelection.balanced(half, 500, 7));
    }
}
