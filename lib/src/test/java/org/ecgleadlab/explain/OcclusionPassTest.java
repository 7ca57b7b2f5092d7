package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.exam.ExamScores;
import org.ecgleadlab.explain.exam.Logits;
import org.ecgleadlab.model.LgaEcgModel;
import org.junit.jupiter.api.Test;

class OcclusionPassTest {
    @Test
    void stackedVariantsGiveTheSameLogitsAsMaskingEachLeadByHand() {
        try (LgaEcgModel model = TinyModels.blindTo(List.of(), 21)) {
            float[][] exams = TinyModels.exams(2, 8);
            OcclusionPass.Result pass = new OcclusionPass(model, 13, false).run(exams);
            for (int e = 0; e < exams.length; e++) {
                assertLogits(TinyModels.probabilities(model, exams[e]), pass.logits()[e][0]);
                for (Lead lead : List.of(Lead.I, Lead.V1, Lead.V6)) {
                    float[] masked = exams[e].clone();
                    int length = TinyModels.LENGTH;
                    java.util.Arrays.fill(masked, lead.channel() * length, (lead.channel() + 1) * length, 0f);
                    assertLogits(TinyModels.probabilities(model, masked), pass.logits()[e][1 + lead.channel()]);
                }
            }
        }
    }

    private static void assertLogits(float[] expectedProbabilities, double[] logits) {
        for (int c = 0; c < Condition.COUNT; c++) {
            assertEquals(expectedProbabilities[c], Logits.sigmoid(logits[c]), 1e-5);
        }
    }

    @Test
    void theSameInputsGiveIdenticalScoresAndRanking() {
        try (LgaEcgModel model = TinyModels.blindTo(List.of(Lead.AVL), 4)) {
            float[][] exams = TinyModels.exams(2, 9);
            float[][] labels = {{0, 1, 0, 0, 0, 1}, {1, 0, 0, 1, 0, 0}};
            List<MethodExamScores> first = run(model, exams, labels);
            List<MethodExamScores> second = run(model, exams, labels);
            for (int m = 0; m < first.size(); m++) {
                for (int e = 0; e < exams.length; e++) {
                    ExamScores a = first.get(m).exams().get(e);
                    ExamScores b = second.get(m).exams().get(e);
                    assertArrayEquals(a.byLead(), b.byLead(), 0.0);
                    for (int l = 0; l < Lead.COUNT; l++) {
                        assertArrayEquals(a.byLeadAndClass()[l], b.byLeadAndClass()[l], 0.0);
                    }
                }
            }
            assertEquals(fuse(first).order(), fuse(second).order());
            assertArrayEquals(fuse(first).finalScores(), fuse(second).finalScores(), 0.0);
        }
    }

    private static List<MethodExamScores> run(LgaEcgModel model, float[][] exams, float[][] labels) {
        LeadImportanceAnalysis analysis = TinyModels.analysis(model, 2);
        analysis.analyse(TinyModels.batch(exams, labels));
        return analysis.scores();
    }

    private static FusedRanking fuse(List<MethodExamScores> scores) {
        return FusedRanking.fuse(scores.stream().map(MethodExamScores::average).toList());
    }
}
