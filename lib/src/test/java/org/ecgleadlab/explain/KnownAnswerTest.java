package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.exam.ExamScores;
import org.ecgleadlab.model.LgaEcgModel;
import org.junit.jupiter.api.Test;

/** Every method on models whose answer is known by construction. */
class KnownAnswerTest {
    private static final int EXAMS = 2;

    @Test
    void aLeadTheModelIsBlindToGetsExactlyZeroFromEveryMethod() {
        Set<Lead> blind = Set.of(Lead.I, Lead.AVR, Lead.V6);
        try (LgaEcgModel model = TinyModels.blindTo(blind, 11)) {
            float[][] exams = TinyModels.exams(EXAMS, 5);
            float[][] labels = {{1, 0, 0, 0, 0, 0}, {0, 1, 1, 0, 1, 1}};
            LeadImportanceAnalysis analysis = TinyModels.analysis(model, 2);
            analysis.analyse(TinyModels.batch(exams, labels));

            for (MethodExamScores method : analysis.scores()) {
                for (ExamScores exam : method.exams()) {
                    for (Lead lead : Lead.values()) {
                        double score = exam.byLead()[lead.channel()];
                        if (blind.contains(lead)) {
                            assertEquals(0.0, score, 0.0, method.method() + " on blind lead " + lead);
                            for (int c = 0; c < Condition.COUNT; c++) {
                                assertEquals(0.0, exam.byLeadAndClass()[lead.channel()][c], 0.0);
                            }
                        } else if (method.method() == ImportanceMethod.ATTENTION_PERTURBATION
                                || method.method() == ImportanceMethod.INTEGRATED_GRADIENTS) {
                            assertTrue(score > 0, method.method() + " must see lead " + lead);
                        }
                    }
                }
            }
        }
    }

    /**
     * Each method's averages on a model that reads only V1, under labels where reading V1 is right (or, with
     * {@code harmful}, wrong).
     */
    private static List<MethodAverage> averagesOnAnOnlyV1Model(boolean harmful, int igSteps) {
        try (LgaEcgModel model = TinyModels.onlyReads(Lead.V1, 3)) {
            float[][] exams = TinyModels.exams(EXAMS, 6);
            float[][] labels = TinyModels.labelsAgreeingWith(model, Lead.V1, exams, harmful);
            LeadImportanceAnalysis analysis = TinyModels.analysis(model, igSteps);
            analysis.analyse(TinyModels.batch(exams, labels));
            return analysis.scores().stream().map(MethodExamScores::average).toList();
        }
    }

    @Test
    void aModelThatReadsOnlyV1RanksV1FirstOnEveryMethod() {
        List<MethodAverage> averages = averagesOnAnOnlyV1Model(false, 4);
        for (MethodAverage average : averages) {
            assertEquals(Lead.V1, FusedRanking.order(average.byLead()).get(0), average.method().title());
            assertTrue(average.byLead()[Lead.V1.channel()] > 0, average.method().title());
        }
        FusedRanking ranking = FusedRanking.fuse(averages);
        assertEquals(List.of(Lead.V1), RankedSubsets.top(ranking.order(), 1));
        assertEquals(1.0, ranking.finalScores()[Lead.V1.channel()], 1e-12, "every method gives V1 the whole share");
        assertEquals(List.of(), ranking.uninformative());
    }

    @Test
    void aHarmfulLeadGetsNegativeOcclusionScoresAndNoShareFromThem() {
        List<MethodAverage> averages = averagesOnAnOnlyV1Model(true, 2);
        assertTrue(averages.get(0).byLead()[Lead.V1.channel()] < 0, "output perturbation");
        assertTrue(averages.get(1).byLead()[Lead.V1.channel()] < 0, "loss impact");
        FusedRanking ranking = FusedRanking.fuse(averages);
        assertEquals(List.of(ImportanceMethod.OUTPUT_PERTURBATION, ImportanceMethod.LOSS_IMPACT),
                ranking.uninformative());
        // Attention and IG measure reliance, not helpfulness: they still give V1 their whole share.
        assertEquals(0.5, ranking.finalScores()[Lead.V1.channel()], 1e-12);
    }
}
