package org.ecgleadlab.explain.ig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathRefinementTest {
    /** S(z) = σ(k·(w·z − c)): a steep logistic step along the path αX, like a trained model's score. */
    private record StepScore(float[] w, double k, double c) {
        double score(float[] x, double alpha) {
            return 1 / (1 + Math.exp(-k * (alpha * dot(x) - c)));
        }

        float[] gradient(float[] x, double alpha) {
            double s = score(x, alpha);
            float[] g = new float[w.length];
            for (int j = 0; j < w.length; j++) {
                g[j] = (float) (k * s * (1 - s) * w[j]);
            }
            return g;
        }

        double dot(float[] x) {
            double sum = 0;
            for (int j = 0; j < w.length; j++) {
                sum += w[j] * x[j];
            }
            return sum;
        }
    }

    private static final float[] X = {1f, -0.5f, 2f};
    private static final StepScore SHARP = new StepScore(new float[] {0.5f, 1f, 0.75f}, 120, 0.2);
    private static final StepScore GENTLE = new StepScore(new float[] {1f, 0f, 0.25f}, 3, 0.6);

    private static double relativeGap(float[] integral, StepScore s) {
        double sum = 0;
        for (int j = 0; j < X.length; j++) {
            sum += (double) X[j] * integral[j];
        }
        double delta = s.score(X, 1) - s.score(X, 0);
        return Math.abs(sum - delta) / Math.abs(delta);
    }

    /** The integrals of {@code scores} along X with {@code steps}; counts each curve's evaluations and round sizes. */
    private static float[][] integrate(List<StepScore> scores, int steps, int[] evaluations, List<Integer> rounds) {
        return integrate(scores, steps, 0, evaluations, rounds);
    }

    private static float[][] integrate(List<StepScore> scores, int steps, double tolerance, int[] evaluations,
                                       List<Integer> rounds) {
        return PathRefinement.integrate(scores.stream().map(s -> X).toList(), steps, tolerance, points -> {
            rounds.add(points.size());
            List<PathRefinement.Evaluation> out = new ArrayList<>();
            for (PathRefinement.Point p : points) {
                assertTrue(p.alpha() >= 0 && p.alpha() <= 1, "points lie on the path");
                evaluations[p.curve()]++;
                StepScore s = scores.get(p.curve());
                out.add(new PathRefinement.Evaluation(s.gradient(X, p.alpha()), s.score(X, p.alpha())));
            }
            return out;
        });
    }

    @Test
    void refinementMeetsCompletenessOnASharpStepWhereEvenPointsFail() {
        int steps = IntegratedGradients.DEFAULT_STEPS;
        int[] evaluations = new int[2];
        List<Integer> rounds = new ArrayList<>();
        float[][] integrals = integrate(List.of(SHARP, GENTLE), steps, evaluations, rounds);
        assertTrue(evaluations[0] >= steps - 1 && evaluations[0] <= steps, "the sharp curve spends its budget: "
                + evaluations[0]);
        assertTrue(evaluations[1] <= steps);
        assertEquals(2 * (2 * QuadratureRule.initialIntervals(steps) + 1), rounds.get(0),
                "both curves share the first round: bounds and midpoints of the even intervals");

        double refined = relativeGap(integrals[0], SHARP);
        QuadratureRule.Nodes even = QuadratureRule.RIEMANN_MIDDLE.nodes(steps);
        float[] evenIntegral = new float[X.length];
        for (int k = 0; k < even.alphas().length; k++) {
            float[] g = SHARP.gradient(X, even.alphas()[k]);
            for (int j = 0; j < X.length; j++) {
                evenIntegral[j] += (float) even.weights()[k] * g[j];
            }
        }
        double evenGap = relativeGap(evenIntegral, SHARP);
        System.out.printf("completeness gap on a sharp step: refined %.5f, even midpoints %.5f%n", refined, evenGap);
        assertTrue(refined < 0.005 && refined < evenGap / 4, "refined gap " + refined + ", even midpoints " + evenGap);
        assertTrue(relativeGap(integrals[1], GENTLE) < 1e-4, "a smooth curve is integrated accurately too");
    }

    @Test
    void aCurveWithoutErrorIsNotRefined() {
        StepScore flat = new StepScore(new float[] {0f, 0f, 0f}, 1, 0);
        int[] evaluations = new int[1];
        float[][] integrals = integrate(List.of(flat), 64, evaluations, new ArrayList<>());
        assertEquals(2 * QuadratureRule.initialIntervals(64) + 1, evaluations[0],
                "only the bounds and midpoints of the first intervals are evaluated");
        assertEquals(0f, integrals[0][0]);
    }

    /** S(z) = (w·z)^degree: along the path S(α) = (α d)^degree, its derivative a polynomial of degree − 1 in α. */
    private static float[][] integratePower(int degree, int steps, double tolerance, int[] evaluations) {
        float[] w = {0.5f, 1f, 0.75f};
        double d = 0;
        for (int j = 0; j < X.length; j++) {
            d += w[j] * X[j];
        }
        double dot = d;
        return PathRefinement.integrate(List.of(X), steps, tolerance, points -> {
            List<PathRefinement.Evaluation> out = new ArrayList<>();
            for (PathRefinement.Point p : points) {
                evaluations[0]++;
                double z = p.alpha() * dot;
                float[] g = new float[X.length];
                for (int j = 0; j < X.length; j++) {
                    g[j] = (float) (degree * Math.pow(z, degree - 1) * w[j]);
                }
                out.add(new PathRefinement.Evaluation(g, Math.pow(z, degree)));
            }
            return out;
        });
    }

    @Test
    void simpsonIsExactOnCubicGradientsSoTheyStopAtTheFirstIntervals() {
        // Simpson's rule integrates polynomials of degree 3 exactly: a quartic score has a cubic gradient along the path.
        // A tolerance far below Simpson's error on degree 5 but above float rounding (the gradients are floats).
        double tolerance = 1e-5;
        int[] evaluations = new int[1];
        float[] integral = integratePower(4, 56, tolerance, evaluations)[0];
        assertEquals(2 * QuadratureRule.initialIntervals(56) + 1, evaluations[0], "no interval needed halving");
        float[] w = {0.5f, 1f, 0.75f};
        double d = 0.5 * 1 + 1 * -0.5 + 0.75 * 2;
        for (int j = 0; j < X.length; j++) {
            // ∫₀¹ 4 (α d)³ w_j dα = d³ w_j
            assertEquals(Math.pow(d, 3) * w[j], integral[j], 1e-5 * Math.pow(d, 3), "component " + j);
        }
        // Degree 5 is beyond Simpson's: its intervals show an error and get halved until within tolerance.
        int[] quintic = new int[1];
        float[] fifth = integratePower(6, 56, tolerance, quintic)[0];
        assertTrue(quintic[0] > evaluations[0], "a quintic gradient is refined: " + quintic[0]);
        double sum = 0;
        for (int j = 0; j < X.length; j++) {
            sum += (double) X[j] * fifth[j];
        }
        assertEquals(Math.pow(d, 6), sum, tolerance * Math.pow(d, 6));
    }

    @Test
    void theToleranceStopsSmoothCurvesEarlyAndStillMeetsCompleteness() {
        double tolerance = IntegratedGradients.DEFAULT_TOLERANCE;
        int steps = IntegratedGradients.DEFAULT_STEPS;
        int[] evaluations = new int[2];
        float[][] integrals = integrate(List.of(SHARP, GENTLE), steps, tolerance, evaluations, new ArrayList<>());
        System.out.printf("evaluations within tolerance %.3f: sharp %d, gentle %d of %d%n", tolerance,
                evaluations[0], evaluations[1], steps);
        assertTrue(evaluations[1] < steps / 2, "the gentle curve stops early: " + evaluations[1]);
        assertTrue(evaluations[0] > evaluations[1] && evaluations[0] <= steps, "the sharp one needs more");
        assertTrue(relativeGap(integrals[0], SHARP) <= tolerance, "sharp gap " + relativeGap(integrals[0], SHARP));
        assertTrue(relativeGap(integrals[1], GENTLE) <= tolerance, "gentle gap " + relativeGap(integrals[1], GENTLE));
        // A tolerance of 0 spends the whole budget on a curve that is not exact.
        int[] spent = new int[1];
        integrate(List.of(GENTLE), steps, 0, spent, new ArrayList<>());
        assertTrue(spent[0] >= steps - 1, "tolerance 0 spends the budget: " + spent[0]);
    }
}
