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
        return PathRefinement.integrate(scores.stream().map(s -> X).toList(), steps, points -> {
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
}
