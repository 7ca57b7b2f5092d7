package org.ecgleadlab.explain.ig;

import java.util.Locale;
import org.ecgleadlab.util.EcgLabException;

/**
 * How Integrated Gradients approximates ∫₀¹ ∂S(αX)/∂x dα with {@code n} gradient evaluations.
 *
 * <p>The fixed rules spread n points evenly ({@link #nodes}). On a trained LGA-ECG they converge slowly: the score
 * along the path from the zero baseline is flat for most α and crosses one or two steep transitions a few per cent of
 * the path wide, so even points miss most of the integral.
 *
 * <p>{@link #ADAPTIVE} spends at most n evaluations, where the integrand needs them. It starts from n / {@value
 * #STEPS_PER_INITIAL_INTERVAL} even intervals; {@link PathRefinement} evaluates the gradient at their bounds and
 * midpoints, integrates each interval with Simpson's rule, measures each interval's own error exactly — its estimate
 * of S(b) − S(a) against the difference of the scores computed at a and b — and halves the worst intervals, {@value
 * #SPLITS_PER_ROUND} per curve and round, until the measured errors are within the tolerance or the n evaluations are
 * spent. docs/lead-ranking.md gives the completeness errors and the evaluations the rules need on the default job.
 */
public enum QuadratureRule {
    /** α_k = k/n, k = 0..n−1 (the left Riemann sum). */
    RIEMANN_LEFT,
    /** α_k = k/n, k = 1..n (the right Riemann sum, Captum's "riemann_right"). */
    RIEMANN_RIGHT,
    /** α_k = (k + ½)/n, k = 0..n−1: second-order accurate at the cost of a Riemann sum. */
    RIEMANN_MIDDLE,
    /** α_k = k/n, k = 0..n, end points weighted ½: second-order accurate, n + 1 gradient evaluations. */
    TRAPEZOID,
    /** Simpson's rule on even intervals, halved where their measured error is largest (see the class comment). */
    ADAPTIVE;

    /** {@link #ADAPTIVE} starts with one even interval per this many gradient evaluations; the rest refine. */
    public static final int STEPS_PER_INITIAL_INTERVAL = 8;
    /** Intervals each curve halves per refinement round of {@link #ADAPTIVE}. */
    public static final int SPLITS_PER_ROUND = 2;

    /** Gradient points α_k in [0, 1] and their weights. */
    public record Nodes(double[] alphas, double[] weights) {
    }

    /** Whether the rule refines ({@link #ADAPTIVE}) instead of using fixed {@link #nodes}. */
    public boolean isAdaptive() {
        return this == ADAPTIVE;
    }

    /**
     * Even intervals {@link #ADAPTIVE} starts from for {@code steps} gradient evaluations (their bounds and midpoints,
     * 2 × intervals + 1 evaluations, are always computed).
     */
    public static int initialIntervals(int steps) {
        return Math.max(1, steps / STEPS_PER_INITIAL_INTERVAL);
    }

    /** The fixed nodes for {@code steps} gradient evaluations ({@code steps + 1} for the trapezoid). */
    public Nodes nodes(int steps) {
        requireSteps(steps);
        return switch (this) {
            case RIEMANN_LEFT -> uniform(steps, 0);
            case RIEMANN_RIGHT -> uniform(steps, 1);
            case RIEMANN_MIDDLE -> uniform(steps, 0.5);
            case TRAPEZOID -> trapezoid(steps);
            case ADAPTIVE -> throw new IllegalStateException("the adaptive rule refines; see PathRefinement");
        };
    }

    private static void requireSteps(int steps) {
        if (steps < 1) {
            throw new EcgLabException("Integrated Gradients needs at least 1 step, got " + steps + "; pass --ig-steps "
                    + IntegratedGradients.DEFAULT_STEPS);
        }
    }

    private static Nodes uniform(int steps, double offset) {
        double[] alphas = new double[steps];
        double[] weights = new double[steps];
        for (int k = 0; k < steps; k++) {
            alphas[k] = (k + offset) / steps;
            weights[k] = 1.0 / steps;
        }
        return new Nodes(alphas, weights);
    }

    private static Nodes trapezoid(int steps) {
        double[] alphas = new double[steps + 1];
        double[] weights = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            alphas[k] = (double) k / steps;
            weights[k] = (k == 0 || k == steps ? 0.5 : 1.0) / steps;
        }
        return new Nodes(alphas, weights);
    }

    /** Parses "adaptive", "trapezoid", "riemann-middle", "riemann_left", ... */
    public static QuadratureRule parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new EcgLabException("unknown integration rule '" + name
                    + "'; use adaptive, riemann-middle, trapezoid, riemann-left or riemann-right");
        }
    }
}
