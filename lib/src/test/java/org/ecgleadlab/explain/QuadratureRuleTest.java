package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

class QuadratureRuleTest {
    /** ∫₀¹ f' with the rule's fixed nodes. */
    private static double integrate(QuadratureRule rule, int steps, DoubleUnaryOperator df) {
        QuadratureRule.Nodes nodes = rule.nodes(steps);
        double sum = 0;
        for (int k = 0; k < nodes.alphas().length; k++) {
            sum += nodes.weights()[k] * df.applyAsDouble(nodes.alphas()[k]);
        }
        return sum;
    }

    @Test
    void weightsSumToOneAndPointsStayOnThePath() {
        for (QuadratureRule rule : QuadratureRule.values()) {
            if (rule.isAdaptive()) {
                continue;
            }
            QuadratureRule.Nodes nodes = rule.nodes(7);
            assertEquals(1.0, Arrays.stream(nodes.weights()).sum(), 1e-12, rule.name());
            assertTrue(Arrays.stream(nodes.alphas()).allMatch(a -> a >= 0 && a <= 1), rule.name());
        }
        assertEquals(8, QuadratureRule.TRAPEZOID.nodes(7).alphas().length);
        assertEquals(7, QuadratureRule.RIEMANN_MIDDLE.nodes(7).alphas().length);
    }

    @Test
    void secondOrderRulesConvergeQuadratically() {
        DoubleUnaryOperator f = a -> Math.exp(2 * a) / 2;
        DoubleUnaryOperator df = a -> Math.exp(2 * a);
        double exact = f.applyAsDouble(1) - f.applyAsDouble(0);
        for (QuadratureRule rule : new QuadratureRule[] {QuadratureRule.TRAPEZOID, QuadratureRule.RIEMANN_MIDDLE}) {
            double coarse = Math.abs(integrate(rule, 8, df) - exact);
            double fine = Math.abs(integrate(rule, 16, df) - exact);
            assertEquals(4.0, coarse / fine, 0.1, rule.name());
        }
        double left = Math.abs(integrate(QuadratureRule.RIEMANN_LEFT, 8, df) - exact)
                / Math.abs(integrate(QuadratureRule.RIEMANN_LEFT, 16, df) - exact);
        assertEquals(2.0, left, 0.1);
    }

    @Test
    void theAdaptiveRuleStartsWithIntervalsCrowdedWhereTheScoreMoves() {
        int steps = 32;
        int cells = QuadratureRule.profileCells(steps);
        double[] profile = new double[cells + 1];
        for (int j = 0; j <= cells; j++) {
            profile[j] = 1 / (1 + Math.exp(-((double) j / cells - 0.3) * 40));   // a step at α = 0.3
        }
        int[] bounds = QuadratureRule.initialBounds(steps, profile);
        assertEquals(0, bounds[0]);
        assertEquals(cells, bounds[bounds.length - 1]);
        assertTrue(bounds.length - 1 <= QuadratureRule.initialIntervals(steps));
        long nearStep = Arrays.stream(bounds).filter(b -> Math.abs((double) b / cells - 0.3) < 0.15).count();
        assertTrue(nearStep >= bounds.length / 2, "bounds near the step: " + Arrays.toString(bounds));
        double[] flat = new double[cells + 1];
        assertEquals(QuadratureRule.initialIntervals(steps) + 1, QuadratureRule.initialBounds(steps, flat).length,
                "a flat profile gets even intervals");
        assertThrows(IllegalStateException.class, () -> QuadratureRule.ADAPTIVE.nodes(8));
    }

    @Test
    void parsesCommandLineNamesAndRejectsOthers() {
        assertEquals(QuadratureRule.RIEMANN_MIDDLE, QuadratureRule.parse("riemann-middle"));
        assertEquals(QuadratureRule.ADAPTIVE, QuadratureRule.parse("Adaptive"));
        assertThrows(EcgLabException.class, () -> QuadratureRule.parse("simpson"));
        assertThrows(EcgLabException.class, () -> QuadratureRule.TRAPEZOID.nodes(0));
    }
}
