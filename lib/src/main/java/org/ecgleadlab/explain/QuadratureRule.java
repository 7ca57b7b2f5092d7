package org.ecgleadlab.explain;

import java.util.Locale;
import org.ecgleadlab.util.EcgLabException;

/**
 * How Integrated Gradients approximates ∫₀¹ ∂S(αX)/∂x dα with {@code n} steps: the points α_k where the gradient
 * is evaluated and their weights (summing to 1).
 */
public enum QuadratureRule {
    /** α_k = k/n, k = 0..n−1 (the left Riemann sum). */
    RIEMANN_LEFT,
    /** α_k = k/n, k = 1..n (the right Riemann sum, Captum's "riemann_right"). */
    RIEMANN_RIGHT,
    /** α_k = (k + ½)/n, k = 0..n−1: second-order accurate at the cost of a Riemann sum. */
    RIEMANN_MIDDLE,
    /** α_k = k/n, k = 0..n, end points weighted ½: second-order accurate, n + 1 gradient evaluations. */
    TRAPEZOID;

    /** The points α_k in [0, 1]. */
    public double[] alphas(int steps) {
        checkSteps(steps);
        int points = this == TRAPEZOID ? steps + 1 : steps;
        double[] alphas = new double[points];
        for (int k = 0; k < points; k++) {
            alphas[k] = switch (this) {
                case RIEMANN_LEFT, TRAPEZOID -> (double) k / steps;
                case RIEMANN_RIGHT -> (double) (k + 1) / steps;
                case RIEMANN_MIDDLE -> (k + 0.5) / steps;
            };
        }
        return alphas;
    }

    /** The weight of each point in {@link #alphas}; they sum to 1. */
    public double[] weights(int steps) {
        double[] weights = new double[alphas(steps).length];
        java.util.Arrays.fill(weights, 1.0 / steps);
        if (this == TRAPEZOID) {
            weights[0] /= 2;
            weights[steps] /= 2;
        }
        return weights;
    }

    /** Parses "trapezoid", "riemann-middle", "riemann_left", ... */
    public static QuadratureRule parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new EcgLabException("unknown integration rule '" + name
                    + "'; use trapezoid, riemann-middle, riemann-left or riemann-right");
        }
    }

    private static void checkSteps(int steps) {
        if (steps < 1) {
            throw new EcgLabException("Integrated Gradients needs at least 1 step, got " + steps + "; pass --ig-steps 16");
        }
    }
}
