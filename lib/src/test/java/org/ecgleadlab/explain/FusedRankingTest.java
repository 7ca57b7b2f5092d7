package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.junit.jupiter.api.Test;

class FusedRankingTest {
    private static MethodAverage method(ImportanceMethod m, double... byLead) {
        return new MethodAverage(m, new double[Lead.COUNT][Condition.COUNT], byLead, 1);
    }

    @Test
    void normalisationClipsNegativeScoresToAZeroShare() {
        double[] raw = {3, -2, 1, 0, 0, 0, 0, 0, 0, 0, 0, -5};
        double[] share = FusedRanking.normalise(raw);
        assertArrayEquals(new double[] {0.75, 0, 0.25, 0, 0, 0, 0, 0, 0, 0, 0, 0}, share, 1e-15);
    }

    @Test
    void aMethodWithoutAnyPositiveScoreGetsNoVoteAndIsNamed() {
        double[] allHarmful = {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12};
        assertArrayEquals(new double[Lead.COUNT], FusedRanking.normalise(allHarmful), 0);
        FusedRanking ranking = FusedRanking.fuse(List.of(
                method(ImportanceMethod.OUTPUT_PERTURBATION, allHarmful),
                method(ImportanceMethod.LOSS_IMPACT, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0)));
        assertEquals(List.of(ImportanceMethod.OUTPUT_PERTURBATION), ranking.uninformative());
        assertEquals(0.5, ranking.finalScores()[Lead.V1.channel()], 1e-15);
    }

    @Test
    void finalScoreIsTheMeanOfTheNormalisedScores() {
        FusedRanking ranking = FusedRanking.fuse(List.of(
                method(ImportanceMethod.OUTPUT_PERTURBATION, 1, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0),
                method(ImportanceMethod.INTEGRATED_GRADIENTS, 30, 0, 10, 0, 0, 0, 60, 0, 0, 0, 0, 0)));
        double[] expected = {(0.25 + 0.3) / 2, 0.25 / 2, 0.1 / 2, 0, 0, 0, (0.5 + 0.6) / 2, 0, 0, 0, 0, 0};
        assertArrayEquals(expected, ranking.finalScores(), 1e-15);
        assertEquals(1.0, java.util.Arrays.stream(ranking.finalScores()).sum(), 1e-12);
        assertEquals(List.of(Lead.V1), RankedSubsets.top(ranking.order(), 1));
        assertEquals(List.of(Lead.V1, Lead.I, Lead.II), RankedSubsets.top(ranking.order(), 3));
        assertEquals(1, ranking.rank(Lead.V1));
        assertArrayEquals(new double[] {0.3, 0, 0.1, 0, 0, 0, 0.6, 0, 0, 0, 0, 0},
                ranking.normalised(ImportanceMethod.INTEGRATED_GRADIENTS), 1e-15);
    }

    @Test
    void tiesKeepTheCodeLeadOrderSoTheBottomIsDetermined() {
        FusedRanking ranking = FusedRanking.fuse(List.of(
                method(ImportanceMethod.LOSS_IMPACT, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0)));
        assertEquals(List.of(Lead.V1, Lead.I, Lead.II), RankedSubsets.top(ranking.order(), 3));
        assertEquals(List.of(Lead.V4, Lead.V5, Lead.V6), RankedSubsets.bottom(ranking.order(), 3));
        int[] ranks = FusedRanking.ranks(ranking.finalScores());
        assertEquals(1, ranks[Lead.V1.channel()]);
        assertEquals(2, ranks[Lead.I.channel()]);
        assertEquals(12, ranks[Lead.V6.channel()]);
    }

    @Test
    void aNaNScoreIsRefusedNamingTheMethodAndTheLead() {
        double[] scores = new double[Lead.COUNT];
        scores[Lead.V2.channel()] = Double.NaN;
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> FusedRanking.fuse(List.of(method(ImportanceMethod.INTEGRATED_GRADIENTS, scores))));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(ImportanceMethod.INTEGRATED_GRADIENTS
                .toString()) && e.getMessage().contains("lead V2"), e.getMessage());
    }
}
