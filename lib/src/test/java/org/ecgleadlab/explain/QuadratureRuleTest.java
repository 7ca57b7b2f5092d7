package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

class QuadratureRuleTest {
    private static double integrate(QuadratureRule rule, int steps, DoubleUnaryOperator f) {
        double[] alphas = rule.alphas(steps);
        double[] weights = rule.weights(steps);
        double sum = 0;
        for (int k = 0; k < alphas.length; k++) {
            sum += weights[k] * f.applyAsDouble(alphas[k]);
        }
        return sum;
    }

    @Test
    void weightsSumToOneAndPointsStayOnThePath() {
        for (QuadratureRule rule : QuadratureRule.values()) {
            assertEquals(1.0, Arrays.stream(rule.weights(7)).sum(), 1e-12, rule.name());
            assertTrue(Arrays.stream(rule.alphas(7)).allMatch(a -> a >= 0 && a <= 1), rule.name());
        }
        assertEquals(8, QuadratureRule.TRAPEZOID.alphas(7).length);
        assertEquals(7, QuadratureRule.RIEMANN_MIDDLE.alphas(7).length);
    }

    @Test
    void secondOrderRulesConvergeQuadratically() {
        DoubleUnaryOperator f = a -> Math.exp(2 * a);
        double exact = (Math.exp(2) - 1) / 2;
        for (QuadratureRule rule : new QuadratureRule[] {QuadratureRule.TRAPEZOID, QuadratureRule.RIEMANN_MIDDLE}) {
            double coarse = Math.abs(integrate(rule, 8, f) - exact);
            double fine = Math.abs(integrate(rule, 16, f) - exact);
            assertEquals(4.0, coarse / fine, 0.1, rule.name());
        }
        double left = Math.abs(integrate(QuadratureRule.RIEMANN_LEFT, 8, f) - exact)
                / Math.abs(integrate(QuadratureRule.RIEMANN_LEFT, 16, f) - exact);
        assertEquals(2.0, left, 0.1);
    }

    @Test
    void parsesCommandLineNamesAndRejectsOthers() {
        assertEquals(QuadratureRule.RIEMANN_MIDDLE, QuadratureRule.parse("riemann-middle"));
        assertEquals(QuadratureRule.TRAPEZOID, QuadratureRule.parse("Trapezoid"));
        assertThrows(EcgLabException.class, () -> QuadratureRule.parse("simpson"));
        assertThrows(EcgLabException.class, () -> QuadratureRule.TRAPEZOID.alphas(0));
    }
}
