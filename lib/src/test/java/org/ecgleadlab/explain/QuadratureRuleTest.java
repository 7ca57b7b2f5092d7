package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

class QuadratureRuleTest {
    private static double[] profile(int steps, DoubleUnaryOperator s) {
        int cells = QuadratureRule.profileCells(steps);
        double[] profile = new double[cells + 1];
        for (int j = 0; j <= cells; j++) {
            profile[j] = s.applyAsDouble((double) j / cells);
        }
        return profile;
    }

    /** ∫₀¹ f' with the rule's nodes, the profile taken from f. */
    private static double integrate(QuadratureRule rule, int steps, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        QuadratureRule.Nodes nodes = rule.nodes(steps, profile(steps, f));
        double sum = 0;
        for (int k = 0; k < nodes.alphas().length; k++) {
            sum += nodes.weights()[k] * df.applyAsDouble(nodes.alphas()[k]);
        }
        return sum;
    }

    @Test
    void weightsSumToOneAndPointsStayOnThePath() {
        for (QuadratureRule rule : QuadratureRule.values()) {
            QuadratureRule.Nodes nodes = rule.nodes(7, profile(7, a -> a * a));
            assertEquals(1.0, Arrays.stream(nodes.weights()).sum(), 1e-12, rule.name());
            assertTrue(Arrays.stream(nodes.alphas()).allMatch(a -> a >= 0 && a <= 1), rule.name());
        }
        assertEquals(8, QuadratureRule.TRAPEZOID.nodes(7, null).alphas().length);
        assertEquals(7, QuadratureRule.RIEMANN_MIDDLE.nodes(7, null).alphas().length);
    }

    @Test
    void secondOrderRulesConvergeQuadratically() {
        DoubleUnaryOperator f = a -> Math.exp(2 * a) / 2;
        DoubleUnaryOperator df = a -> Math.exp(2 * a);
        double exact = f.applyAsDouble(1) - f.applyAsDouble(0);
        for (QuadratureRule rule : new QuadratureRule[] {QuadratureRule.TRAPEZOID, QuadratureRule.RIEMANN_MIDDLE}) {
            double coarse = Math.abs(integrate(rule, 8, f, df) - exact);
            double fine = Math.abs(integrate(rule, 16, f, df) - exact);
            assertEquals(4.0, coarse / fine, 0.1, rule.name());
        }
        double left = Math.abs(integrate(QuadratureRule.RIEMANN_LEFT, 8, f, df) - exact)
                / Math.abs(integrate(QuadratureRule.RIEMANN_LEFT, 16, f, df) - exact);
        assertEquals(2.0, left, 0.1);
    }

    @Test
    void theAdaptiveRuleCrowdsItsPointsWhereTheScoreJumps() {
        // A steep logistic step at α = 0.12, as LGA-ECG's logits show near the zero baseline.
        DoubleUnaryOperator f = a -> 1 / (1 + Math.exp(-(a - 0.12) * 30));
        DoubleUnaryOperator df = a -> 30 * f.applyAsDouble(a) * (1 - f.applyAsDouble(a));
        double exact = f.applyAsDouble(1) - f.applyAsDouble(0);
        QuadratureRule.Nodes nodes = QuadratureRule.ADAPTIVE.nodes(8, profile(8, f));
        long nearStep = Arrays.stream(nodes.alphas()).filter(a -> Math.abs(a - 0.12) < 0.1).count();
        assertTrue(nearStep >= 4, "points near the step: " + Arrays.toString(nodes.alphas()));
        double adaptive = Math.abs(integrate(QuadratureRule.ADAPTIVE, 8, f, df) - exact) / exact;
        double even = Math.abs(integrate(QuadratureRule.RIEMANN_MIDDLE, 8, f, df) - exact) / exact;
        assertTrue(adaptive < 0.02 && adaptive < even / 4, "adaptive error " + adaptive + ", even " + even);
    }

    @Test
    void parsesCommandLineNamesAndRejectsOthers() {
        assertEquals(QuadratureRule.RIEMANN_MIDDLE, QuadratureRule.parse("riemann-middle"));
        assertEquals(QuadratureRule.ADAPTIVE, QuadratureRule.parse("Adaptive"));
        assertThrows(EcgLabException.class, () -> QuadratureRule.parse("simpson"));
        assertThrows(EcgLabException.class, () -> QuadratureRule.TRAPEZOID.nodes(0, null));
    }
}
