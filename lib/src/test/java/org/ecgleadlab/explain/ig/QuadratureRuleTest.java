package org.ecgleadlab.explain.ig;

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
    void theAdaptiveRuleStartsFromEvenIntervalsInsteadOfFixedNodes() {
        assertEquals(7, QuadratureRule.initialIntervals(56));
        assertEquals(2, QuadratureRule.initialIntervals(16), "one interval per 8 steps below the cap");
        assertEquals(1, QuadratureRule.initialIntervals(4), "at least one interval");
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
