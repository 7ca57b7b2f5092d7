package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.explain.exam.ExamScores;
import org.ecgleadlab.explain.ig.IntegratedGradients;
import org.ecgleadlab.explain.ig.QuadratureRule;
import org.ecgleadlab.model.LgaEcgModel;
import org.junit.jupiter.api.Test;

/** The memory budget only cuts the work into passes: the scores are the same whatever the rows per pass. */
class PassSizeTest {
    private static final float[][] LABELS = {{1, 0, 0, 0, 0, 0}, {0, 1, 1, 0, 0, 0}};

    private static List<MethodExamScores> scores(LgaEcgModel model, Batch batch, QuadratureRule rule, int gradientRows,
                                                 int forwardRows) {
        LeadImportanceAnalysis analysis = new LeadImportanceAnalysis(model, new LeadImportanceAnalysis.Config(
                List.of(ImportanceMethod.values()), new IntegratedGradients.Config(4, rule,
                        IntegratedGradients.DEFAULT_TOLERANCE, gradientRows), forwardRows));
        analysis.analyse(batch);
        return analysis.scores();
    }

    /** Every method's lead scores agree within {@code relative} of each exam's largest score. */
    private static void assertSameScores(List<MethodExamScores> expected, List<MethodExamScores> actual,
                                         double relative) {
        for (int m = 0; m < expected.size(); m++) {
            for (int e = 0; e < LABELS.length; e++) {
                ExamScores a = expected.get(m).exams().get(e);
                ExamScores b = actual.get(m).exams().get(e);
                double scale = java.util.Arrays.stream(a.byLead()).map(Math::abs).max().orElse(0) + 1e-12;
                assertArrayEquals(a.byLead(), b.byLead(), relative * scale, expected.get(m).method() + " exam " + e);
            }
        }
    }

    @Test
    void fixedPointsGiveTheSameScoresWhateverThePassSize() {
        try (LgaEcgModel model = TinyModels.blindTo(List.of(), 21)) {
            Batch batch = TinyModels.batch(TinyModels.exams(LABELS.length, 8), LABELS);
            List<MethodExamScores> one = scores(model, batch, QuadratureRule.TRAPEZOID, 1, 13);
            // Rows are independent in eval mode; kernels may sum in another order for another batch shape, so "the
            // same" means the same to float rounding.
            assertSameScores(one, scores(model, batch, QuadratureRule.TRAPEZOID, 1000, 1000), 1e-5);
        }
    }

    @Test
    void theAdaptiveRuleSpendsTheSameRowsAndMeetsTheSameCompletenessWhateverThePassSize() {
        try (LgaEcgModel model = TinyModels.blindTo(List.of(), 21)) {
            Batch batch = TinyModels.batch(TinyModels.exams(LABELS.length, 8), LABELS);
            int[] sizes = {1, 3, 1000};
            IntegratedGradients.Result[] results = new IntegratedGradients.Result[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                results[i] = new IntegratedGradients(model, new IntegratedGradients.Config(8,
                        QuadratureRule.ADAPTIVE, IntegratedGradients.DEFAULT_TOLERANCE, sizes[i])).attribute(batch);
            }
            for (int i = 1; i < sizes.length; i++) {
                assertEquals(results[0].gradientRows(), results[i].gradientRows(), "rows with " + sizes[i] + " per pass");
                assertArrayEquals(results[0].scoreDelta(), results[i].scoreDelta(), 1e-5);
                assertArrayEquals(results[0].attributionSum(), results[i].attributionSum(), 1e-5);
            }
        }
    }
}
