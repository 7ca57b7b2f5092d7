package org.ecgleadlab.explain.ig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The refinement stage of {@link QuadratureRule#ADAPTIVE}: integrates ∫₀¹ ∂S(αX)/∂x dα for many score curves at
 * once with Simpson's rule on intervals that are halved where they are measurably wrong.
 *
 * <p>Every evaluation at α gives the gradient g(α) and the score S(α) (the forward of a gradient pass computes it
 * anyway). An interval [a, b] with midpoint m estimates its share of the path integral as (b − a)/6·(g(a) + 4g(m) +
 * g(b)); dotted with X that estimate should equal S(b) − S(a) (the chain rule: ∂S(αX)/∂α = g·X), which is known
 * exactly, so the interval's error is measured, not guessed. Halving an interval costs two new evaluations, at its
 * quarter points: its bounds and midpoint become the halves' bounds, so no evaluation is ever thrown away and smooth
 * stretches converge at fourth order.
 * The measured errors of a curve's intervals add up to its completeness gap (Σ of estimates − (S(1) − S(0))), so a
 * curve stops as soon as Σ |interval error| ≤ tolerance × |S(1) − S(0)|: a curve that is smooth along the path is done
 * after its first intervals, and only the steep ones spend up to {@code steps} evaluations. All active curves' new
 * points of a round go to the {@link Evaluator} together, so the model sees full batches.
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

    /** A point of a curve with its evaluation and the derivative along the path there, ∂S/∂α = g·X. */
    private static final class Node {
        final int curve;
        final double alpha;
        Evaluation evaluation;
        double slope;

        Node(int curve, double alpha) {
            this.curve = curve;
            this.alpha = alpha;
        }

        Point point() {
            return new Point(curve, alpha);
        }
    }

    private record Interval(Node from, Node middle, Node to) {
        double width() {
            return to.alpha - from.alpha;
        }

        /** |Simpson's estimate of S(b) − S(a) − the exact difference|. */
        double error() {
            double estimate = width() / 6 * (from.slope + 4 * middle.slope + to.slope);
            return Math.abs(estimate - (to.evaluation.score() - from.evaluation.score()));
        }

        Interval[] halves() {
            return new Interval[] {
                new Interval(from, new Node(from.curve, (from.alpha + middle.alpha) / 2), middle),
                new Interval(middle, new Node(from.curve, (middle.alpha + to.alpha) / 2), to)};
        }
    }

    private PathRefinement() {
    }

    /**
     * Σ over each curve's final intervals of Simpson's estimate, i.e. ∫₀¹ ∂S(αX)/∂x dα per curve, spending at most
     * {@code steps} evaluations per curve (at least those of the {@link QuadratureRule#initialIntervals}) and stopping
     * a curve once its measured error is within {@code tolerance} of its score change (0: spend every step).
     *
     * @param inputs each curve's X, the end of its straight path from the zero baseline
     */
    static float[][] integrate(List<float[]> inputs, int steps, double tolerance, Evaluator evaluator) {
        int initial = QuadratureRule.initialIntervals(steps);
        List<List<Interval>> intervals = new ArrayList<>();
        List<Node> pending = new ArrayList<>();
        int[] spent = new int[inputs.size()];
        for (int v = 0; v < inputs.size(); v++) {
            List<Interval> own = new ArrayList<>();
            Node from = new Node(v, 0);
            pending.add(from);
            for (int k = 1; k <= initial; k++) {
                Node middle = new Node(v, (k - 0.5) / initial);
                Node to = new Node(v, (double) k / initial);
                pending.add(middle);
                pending.add(to);
                own.add(new Interval(from, middle, to));
                from = to;
            }
            intervals.add(own);
            spent[v] = 2 * initial + 1;
        }
        while (!pending.isEmpty()) {
            evaluate(inputs, pending, evaluator);
            pending = new ArrayList<>();
            for (int v = 0; v < inputs.size(); v++) {
                List<Interval> own = intervals.get(v);
                if (withinTolerance(own, tolerance)) {
                    continue;
                }
                int splits = Math.min(QuadratureRule.SPLITS_PER_ROUND, (steps - spent[v]) / 2);
                List<Interval> worst = own.stream().filter(i -> i.error() > 0)
                        .sorted(Comparator.comparingDouble(Interval::error).reversed())
                        .limit(Math.max(0, splits)).toList();
                for (Interval parent : worst) {
                    int at = own.indexOf(parent);
                    Interval[] halves = parent.halves();
                    own.set(at, halves[0]);
                    own.add(at + 1, halves[1]);
                    pending.add(halves[0].middle());
                    pending.add(halves[1].middle());
                    spent[v] += 2;
                }
            }
        }
        float[][] integrals = new float[inputs.size()][];
        for (int v = 0; v < inputs.size(); v++) {
            float[] sum = new float[inputs.get(v).length];
            for (Interval interval : intervals.get(v)) {
                double sixth = interval.width() / 6;
                accumulate(sum, (float) sixth, interval.from().evaluation.gradient());
                accumulate(sum, (float) (4 * sixth), interval.middle().evaluation.gradient());
                accumulate(sum, (float) sixth, interval.to().evaluation.gradient());
            }
            integrals[v] = sum;
        }
        return integrals;
    }

    /** Whether Σ |interval error| ≤ tolerance × |S(1) − S(0)| (never with tolerance 0: then the budget decides). */
    private static boolean withinTolerance(List<Interval> own, double tolerance) {
        if (tolerance <= 0) {
            return false;
        }
        double errors = own.stream().mapToDouble(Interval::error).sum();
        double delta = own.get(own.size() - 1).to().evaluation.score() - own.get(0).from().evaluation.score();
        return errors <= tolerance * Math.abs(delta);
    }

    private static void accumulate(float[] sum, float weight, float[] gradient) {
        for (int j = 0; j < sum.length; j++) {
            sum[j] += weight * gradient[j];
        }
    }

    private static void evaluate(List<float[]> inputs, List<Node> pending, Evaluator evaluator) {
        List<Evaluation> evaluations = evaluator.evaluate(pending.stream().map(Node::point).toList());
        for (int i = 0; i < pending.size(); i++) {
            Node node = pending.get(i);
            node.evaluation = evaluations.get(i);
            float[] input = inputs.get(node.curve);
            double slope = 0;
            for (int j = 0; j < input.length; j++) {
                slope += (double) node.evaluation.gradient()[j] * input[j];
            }
            node.slope = slope;
        }
    }
}
