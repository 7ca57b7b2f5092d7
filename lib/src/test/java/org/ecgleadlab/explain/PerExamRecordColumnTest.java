package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Lead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-exam ranking CSV names each exam's record next to its id (empty for CODE exams). */
class PerExamRecordColumnTest {
    @TempDir
    Path dir;

    @Test
    void perExamRankingCarriesTheRecordName() throws IOException {
        double[] scores = new double[Lead.COUNT];
        Arrays.setAll(scores, l -> l);
        List<Lead> order = new java.util.ArrayList<>(List.of(Lead.values()));
        java.util.Collections.reverse(order);
        List<PerExamRanking.ExamRanking> rankings = List.of(new PerExamRanking.ExamRanking(289000000001L, scores,
                order), new PerExamRanking.ExamRanking(7, scores, order));
        PerExamReport.write(rankings, Map.of(289000000001L, "g1/JS00001", 7L, ""), dir);
        List<String> lines = Files.readAllLines(dir.resolve("per-exam-ranking.csv"));
        assertTrue(lines.get(0).startsWith("exam_id,record,rank1,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("289000000001,g1/JS00001,V6,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("7,,V6,"), lines.get(2));
        assertEquals(3, lines.size());
    }
}
