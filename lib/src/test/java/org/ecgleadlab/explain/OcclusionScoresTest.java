package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.exam.ExamScores;
import org.ecgleadlab.explain.exam.Logits;
import org.junit.jupiter.api.Test;

/** The occlusion formulas on hand-written logits, where every number can be checked on paper. */
class OcclusionScoresTest {
    /** Logits of X are 0 (p = 0.5) everywhere; occluding V1 moves condition RBBB to logit −2 and AF to +2. */
    private static double[][] logits() {
        double[][] logits = new double[OcclusionPass.VARIANTS][Condition.COUNT];
        logits[1 + Lead.V1.channel()][Condition.RBBB.index()] = -2;
        logits[1 + Lead.V1.channel()][Condition.AF.index()] = 2;
        return logits;
    }

    private static final float[] RBBB_ONLY = {0, 1, 0, 0, 0, 0};

    @Test
    void outputPerturbationRewardsADropForPresentAndARiseForAbsentConditions() {
        ExamScores exam = OutputPerturbation.score(1L, logits(), RBBB_ONLY);
        double drop = 0.5 - Logits.sigmoid(-2);
        assertEquals(drop, exam.byLeadAndClass()[Lead.V1.channel()][Condition.RBBB.index()], 1e-12);
        // AF is absent: occlusion raised its probability, i.e. V1 helped reject it.
        assertEquals(Logits.sigmoid(2) - 0.5,
                exam.byLeadAndClass()[Lead.V1.channel()][Condition.AF.index()], 1e-12);
        assertEquals(2 * drop / Condition.COUNT, exam.byLead()[Lead.V1.channel()], 1e-12);
        assertEquals(0, exam.byLead()[Lead.I.channel()]);
    }

    @Test
    void lossImpactIsTheChangeOfTheBinaryCrossEntropy() {
        ExamScores exam = LossImpact.score(1L, logits(), RBBB_ONLY);
        double rbbb = Math.log(1 + Math.exp(2)) - Math.log(2);  // −log σ(−2) + log σ(0)
        double af = Math.log(1 + Math.exp(2)) - Math.log(2);    // −log(1 − σ(2)) + log(1 − σ(0))
        assertEquals(rbbb, exam.byLeadAndClass()[Lead.V1.channel()][Condition.RBBB.index()], 1e-12);
        assertEquals(af, exam.byLeadAndClass()[Lead.V1.channel()][Condition.AF.index()], 1e-12);
        assertEquals((rbbb + af) / Condition.COUNT, exam.byLead()[Lead.V1.channel()], 1e-12);
    }

    @Test
    void bceWithLogitsIsStableForLargeLogits() {
        assertEquals(1000, Logits.bceWithLogits(1000, 0), 1e-9);
        assertEquals(0, Logits.bceWithLogits(1000, 1), 1e-12);
        assertEquals(Math.log(2), Logits.bceWithLogits(0, 1), 1e-15);
    }

    @Test
    void attentionColumnsCountOnlyExamsWhereTheConditionIsPresent() {
        double[] kl = new double[Lead.COUNT];
        kl[Lead.V1.channel()] = 0.3;
        MethodExamScores scores = new MethodExamScores(ImportanceMethod.ATTENTION_PERTURBATION);
        scores.add(AttentionPerturbation.score(1L, kl, RBBB_ONLY));
        double[] otherKl = new double[Lead.COUNT];
        otherKl[Lead.V1.channel()] = 0.1;
        scores.add(AttentionPerturbation.score(2L, otherKl, new float[Condition.COUNT]));
        ExamScores first = scores.exams().get(0);
        assertTrue(first.countsForClass()[Condition.RBBB.index()]);
        assertFalse(first.countsForClass()[Condition.AF.index()]);

        MethodAverage mean = scores.average();
        assertEquals(0.3, mean.byLeadAndClass()[Lead.V1.channel()][Condition.RBBB.index()], 1e-15);
        assertTrue(Double.isNaN(mean.byLeadAndClass()[Lead.V1.channel()][Condition.AF.index()]));
        assertEquals(0.2, mean.byLead()[Lead.V1.channel()], 1e-15);
        assertEquals(0.3, scores.average(new int[] {0, 0}).byLead()[Lead.V1.channel()], 1e-15);
    }
}
