package org.ecgleadlab.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The refinement stage of {@link QuadratureRule#ADAPTIVE}: integrates ∫₀¹ ∂S(αX)/∂x dα for many score curves at
 * once with the midpoint rule on intervals that are halved where they are measurably wrong.
 *
 * <p>Every evaluation at α gives the gradient g(α) and the score S(α) (the forward of a gradient pass computes it
 * anyway). An interval [a, b] whose midpoint m was evaluated estimates its share of the path integral as (b − a)·g(m);
 * dotted with X that estimate should equal S(b) − S(a) (the chain rule: ∂S(αX)/∂α = g·X), which is known exactly, so
 * the interval's error |(b − a)·g(m)·X − (S(b) − S(a))| is measured, not guessed. Halving an interval costs two new
 * midpoints; the old midpoint becomes a bound with known score. Rounds run until each curve has spent its gradient
 * evaluations; all curves' new points of a round go to the {@link Evaluator} together, so the model sees full batches.
 */
final class PathRefinement {
    /** Computes gradients and scores at points of the path (one row per point). */
    @FunctionalInterface
    interface Evaluator {
        List<Evaluation> evaluate(List<Point> points);
    }

    /** A point α on curve {@code curve}'s path. */
    record Point(int curve, double alpha) {
    }

    /** ∂S/∂x at a point (channel-major, like the input) and S there. */
    record Evaluation(float[] gradient, double score) {
    }

    /**
     * A curve to integrate.
     *
     * @param input       X, the end of the straight path from the zero baseline
     * @param bounds      the first intervals' bounds, increasing from 0 to 1
     * @param boundScores S at each bound
     */
    record Curve(float[] input, double[] bounds, double[] boundScores) {
    }

    private static final class Interval {
        final int curve;
        final double from;
        final double to;
        final double scoreFrom;
        final double scoreTo;
        Evaluation midpoint;
        double error;

        Interval(int curve, double from, double to, double scoreFrom, double scoreTo) {
            this.curve = curve;
            this.from = from;
            this.to = to;
            this.scoreFrom = scoreFrom;
            this.scoreTo = scoreTo;
        }

        double middle() {
            return (from + to) / 2;
        }

        double width() {
            return to - from;
        }
    }

    private PathRefinement() {
    }

    /**
     * Σ over each curve's final intervals of (b − a)·g(m), i.e. ∫₀¹ ∂S(αX)/∂x dα per curve, spending at most
     * {@code steps} evaluations per curve (at least one per initial interval).
     */
    static float[][] integrate(List<Curve> curves, int steps, Evaluator evaluator) {
        List<List<Interval>> intervals = new ArrayList<>();
        int[] spent = new int[curves.size()];
        List<Interval> pending = new ArrayList<>();
        for (int v = 0; v < curves.size(); v++) {
            Curve curve = curves.get(v);
            List<Interval> own = new ArrayList<>();
            for (int k = 0; k + 1 < curve.bounds().length; k++) {
                Interval interval = new Interval(v, curve.bounds()[k], curve.bounds()[k + 1], curve.boundScores()[k],
                        curve.boundScores()[k + 1]);
                own.add(interval);
                pending.add(interval);
            }
            intervals.add(own);
            spent[v] = own.size();
        }
        while (!pending.isEmpty()) {
            evaluate(curves, pending, evaluator);
            pending = new ArrayList<>();
            for (int v = 0; v < curves.size(); v++) {
                int splits = Math.min(QuadratureRule.SPLITS_PER_ROUND, (steps - spent[v]) / 2);
                List<Interval> worst = intervals.get(v).stream().filter(i -> i.error > 0)
                        .sorted(Comparator.comparingDouble((Interval i) -> i.error).reversed())
                        .limit(Math.max(0, splits)).toList();
                for (Interval parent : worst) {
                    List<Interval> own = intervals.get(v);
                    int at = own.indexOf(parent);
                    double score = parent.midpoint.score();
                    Interval left = new Interval(v, parent.from, parent.middle(), parent.scoreFrom, score);
                    Interval right = new Interval(v, parent.middle(), parent.to, score, parent.scoreTo);
                    own.set(at, left);
                    own.add(at + 1, right);
                    pending.add(left);
                    pending.add(right);
                    spent[v] += 2;
                }
            }
        }
        float[][] integrals = new float[curves.size()][];
        for (int v = 0; v < curves.size(); v++) {
            float[] sum = new float[curves.get(v).input().length];
            for (Interval interval : intervals.get(v)) {
                float width = (float) interval.width();
                float[] gradient = interval.midpoint.gradient();
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += width * gradient[j];
                }
            }
            integrals[v] = sum;
        }
        return integrals;
    }

    private static void evaluate(List<Curve> curves, List<Interval> pending, Evaluator evaluator) {
        List<Point> points = pending.stream().map(i -> new Point(i.curve, i.middle())).toList();
        List<Evaluation> evaluations = evaluator.evaluate(points);
        for (int i = 0; i < pending.size(); i++) {
            Interval interval = pending.get(i);
            interval.midpoint = evaluations.get(i);
            float[] input = curves.get(interval.curve).input();
            double slope = 0;
            for (int j = 0; j < input.length; j++) {
                slope += (double) interval.midpoint.gradient()[j] * input[j];
            }
            interval.error = Math.abs(interval.width() * slope - (interval.scoreTo - interval.scoreFrom));
        }
    }
}
