package org.ecgleadlab.explain.ig;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.exam.ExamArrays;
import org.ecgleadlab.explain.exam.ExamScores;
import org.ecgleadlab.explain.exam.Logits;
import org.ecgleadlab.explain.exam.TwelveLeads;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.model.Losses;

/**
 * Integrated Gradients (paper §4.2.2) from the zero baseline: IG(X) = X ⊙ ∫₀¹ ∂S(αX)/∂x dα, a lead's importance being
 * Σ_t |IG(X)_{l,t}|. The 12-vector integrates S = −loss (the mean multi-label BCE of the six conditions) on every exam.
 * The condition columns integrate S_c = −loss_c, the condition's own BCE term, on the exams where c is present — as
 * attention perturbation's columns do: there S_c measures how each lead builds the evidence for a condition the exam
 * has, and leaving out the absent ones keeps the per-condition work small (most exams carry at most one label).
 *
 * <p>Each exam thus has one to seven score curves (S and one S_c per present condition), each integrated with its own
 * points of the {@link QuadratureRule}. Every (exam, curve, point) becomes one row of a batch, and one backward gives
 * every row its own gradient (eval mode keeps rows independent). Completeness, Σ IG = S(X) − S(0), is checked on S
 * and on every S_c.
 */
public final class IntegratedGradients {
    /**
     * Most gradient evaluations per score curve (the adaptive rule stops earlier once within its tolerance): 112 keeps
     * the default job's completeness error under 1 % on the shipped checkpoint trained on generator version 3, whose
     * integrand is rougher than the previous one's (56 steps left 1.8 %; docs/lead-ranking.md).
     */
    public static final int DEFAULT_STEPS = 112;
    /**
     * The adaptive rule stops refining a curve once Σ |interval error| ≤ this × |S(X) − S(0)|; it keeps the default
     * job's completeness error under 1 % together with {@link #DEFAULT_STEPS} (docs/lead-ranking.md).
     */
    public static final double DEFAULT_TOLERANCE = 0.002;

    private final LgaEcgModel model;
    private final Config config;

    /**
     * @param steps          gradient evaluations per curve (n; the adaptive rule's most)
     * @param rule           where along the path to evaluate them
     * @param tolerance      the adaptive rule's stop: measured error ≤ tolerance × |S(X) − S(0)| (0: spend n)
     * @param maxRowsPerPass memory cap: rows per forward/backward
     */
    public record Config(int steps, QuadratureRule rule, double tolerance, int maxRowsPerPass) {
        public Config {
            if (maxRowsPerPass < 1 || tolerance < 0) {
                throw new IllegalArgumentException("rows per pass " + maxRowsPerPass + ", tolerance " + tolerance);
            }
        }
    }

    /**
     * IG of a batch.
     *
     * @param importance     per exam: Σ_t |IG_c| per lead and present condition, Σ_t |IG| per lead
     * @param attributionSum per exam: Σ over leads and samples of IG(X) for S (completeness: ≈ {@code scoreDelta})
     * @param scoreDelta     per exam: S(X) − S(0)
     * @param conditionAttributionSum per (exam, present condition), in exam order: Σ IG for S_c
     * @param conditionScoreDelta     per (exam, present condition), in exam order: S_c(X) − S_c(0)
     * @param gradientRows   rows of input-gradient passes run (one per curve and point: the cost)
     */
    public record Result(List<ExamScores> importance, double[] attributionSum, double[] scoreDelta,
                         double[] conditionAttributionSum, double[] conditionScoreDelta, long gradientRows) {
    }

    /** ∂S/∂x of every row of a pass and the rows' logits, which the same forward computed. */
    private record RowGradients(float[] gradient, float[] logits) {
    }

    /** One score to integrate: the exam, the condition (or {@link #ALL}) and the weights of the six BCE terms. */
    private record Curve(int exam, int condition, float[] termWeights) {
        static final int ALL = -1;
    }

    public IntegratedGradients(LgaEcgModel model, Config config) {
        this.model = TwelveLeads.require(model);
        this.config = config;
    }

    /** Attributes every exam of a 12-lead batch against its labels. */
    public Result attribute(Batch batch) {
        ExamArrays exams = ExamArrays.of(batch);
        int length = exams.samplesPerLead();
        double[][][] ends = endLogits(exams.inputs(), length);   // [exam][α = 0 or 1][class]
        List<Curve> curves = new ArrayList<>();
        for (int e = 0; e < exams.size(); e++) {
            curves.add(new Curve(e, Curve.ALL, termWeights(Curve.ALL)));
            for (int c = 0; c < Condition.COUNT; c++) {
                if (exams.labels()[e][c] >= 0.5f) {
                    curves.add(new Curve(e, c, termWeights(c)));
                }
            }
        }
        long[] rows = new long[1];
        float[][] integrals = new float[curves.size()][];
        int group = curvesPerGroup(Lead.COUNT * length);
        for (int first = 0; first < curves.size(); first += group) {
            List<Curve> part = curves.subList(first, Math.min(curves.size(), first + group));
            PathRefinement.Evaluator evaluator = points -> {
                rows[0] += points.size();
                return evaluate(points, part, exams, length);
            };
            float[][] partIntegrals = config.rule().isAdaptive()
                    ? PathRefinement.integrate(part.stream().map(curve -> exams.inputs()[curve.exam()]).toList(),
                            config.steps(), config.tolerance(), evaluator)
                    : fixedRule(part, Lead.COUNT * length, evaluator);
            System.arraycopy(partIntegrals, 0, integrals, first, partIntegrals.length);
        }
        return summarise(exams, curves, integrals, ends, rows[0]);
    }

    /**
     * Curves integrated together. Each keeps the gradient of every point it evaluates on the heap until its integral is
     * summed (up to steps + 1 arrays of a whole exam), so a big batch is integrated a group at a time: the gradients
     * held stay within a quarter of the maximum heap.
     */
    private int curvesPerGroup(int rowSize) {
        long perCurve = (long) (config.steps() + 2) * rowSize * Float.BYTES;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 4 / perCurve));
    }

    private static float[] termWeights(int condition) {
        float[] weights = new float[Condition.COUNT];
        if (condition == Curve.ALL) {
            Arrays.fill(weights, 1f / Condition.COUNT);
        } else {
            weights[condition] = 1f;
        }
        return weights;
    }

    /** S = −Σ_c w_c BCE(z_c, y_c). */
    private static double score(double[] logits, float[] labels, float[] weights) {
        double loss = 0;
        for (int c = 0; c < Condition.COUNT; c++) {
            loss += weights[c] * Logits.bceWithLogits(logits[c], labels[c]);
        }
        return -loss;
    }

    /** Σ_k w_k ∂S/∂x(α_k X) of every curve with the fixed nodes of the configured rule. */
    private float[][] fixedRule(List<Curve> curves, int rowSize, PathRefinement.Evaluator evaluator) {
        QuadratureRule.Nodes nodes = config.rule().nodes(config.steps());
        List<PathRefinement.Point> points = new ArrayList<>();
        for (int v = 0; v < curves.size(); v++) {
            for (double alpha : nodes.alphas()) {
                points.add(new PathRefinement.Point(v, alpha));
            }
        }
        List<PathRefinement.Evaluation> evaluations = evaluator.evaluate(points);
        float[][] integrals = new float[curves.size()][rowSize];
        int k = nodes.alphas().length;
        for (int i = 0; i < points.size(); i++) {
            float weight = (float) nodes.weights()[i % k];
            float[] gradient = evaluations.get(i).gradient();
            float[] sum = integrals[points.get(i).curve()];
            for (int j = 0; j < rowSize; j++) {
                sum[j] += weight * gradient[j];
            }
        }
        return integrals;
    }

    /** ∂S/∂x and S of each curve's score at each point, in passes of at most {@code maxRowsPerPass} rows. */
    private List<PathRefinement.Evaluation> evaluate(List<PathRefinement.Point> points, List<Curve> curves,
                                                     ExamArrays exams, int length) {
        int rowSize = Lead.COUNT * length;
        List<PathRefinement.Evaluation> evaluations = new ArrayList<>(points.size());
        // Equal passes: 40 rows with a cap of 32 run as 20 + 20, not as 32 + a slow tail of 8.
        int passes = (points.size() + config.maxRowsPerPass() - 1) / config.maxRowsPerPass();
        int rowsPerPass = passes == 0 ? 1 : (points.size() + passes - 1) / passes;
        for (int first = 0; first < points.size(); first += rowsPerPass) {
            List<PathRefinement.Point> pass = points.subList(first, Math.min(points.size(), first + rowsPerPass));
            float[] input = new float[pass.size() * rowSize];
            float[] termWeights = new float[pass.size() * Condition.COUNT];
            float[] rowLabels = new float[pass.size() * Condition.COUNT];
            for (int i = 0; i < pass.size(); i++) {
                Curve curve = curves.get(pass.get(i).curve());
                float alpha = (float) pass.get(i).alpha();
                float[] exam = exams.inputs()[curve.exam()];
                for (int j = 0; j < rowSize; j++) {
                    input[i * rowSize + j] = alpha * exam[j];
                }
                System.arraycopy(curve.termWeights(), 0, termWeights, i * Condition.COUNT, Condition.COUNT);
                System.arraycopy(exams.labels()[curve.exam()], 0, rowLabels, i * Condition.COUNT, Condition.COUNT);
            }
            RowGradients rows = gradients(input, termWeights, rowLabels, pass.size(), length);
            for (int i = 0; i < pass.size(); i++) {
                Curve curve = curves.get(pass.get(i).curve());
                double[] rowLogits = new double[Condition.COUNT];
                for (int c = 0; c < Condition.COUNT; c++) {
                    rowLogits[c] = rows.logits()[i * Condition.COUNT + c];
                }
                evaluations.add(new PathRefinement.Evaluation(
                        Arrays.copyOfRange(rows.gradient(), i * rowSize, (i + 1) * rowSize),
                        score(rowLogits, exams.labels()[curve.exam()], curve.termWeights())));
            }
        }
        return evaluations;
    }

    /** ∂S_row/∂x of every row, S_row = −Σ_c w_c BCE(z_c, y_c) with the row's own term weights, and its logits. */
    private RowGradients gradients(float[] input, float[] termWeights, float[] labels, int rows, int length) {
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray x = scope.create(input, new Shape(rows, Lead.COUNT, length));
            NDArray w = scope.create(termWeights, new Shape(rows, Condition.COUNT));
            NDArray y = scope.create(labels, new Shape(rows, Condition.COUNT));
            float[][] logits = new float[1][];   // the loss lambda is the only place that sees the forward's output
            float[] gradient = model.inputGradient(x, out -> {
                NDArray z = out.get(0).toType(DataType.FLOAT32, false);
                logits[0] = z.toFloatArray();
                return Losses.bceWithLogits(z, y).mul(w).sum().neg();
            }).toFloatArray();
            return new RowGradients(gradient, logits[0]);
        }
    }

    /**
     * Logits at both ends of every exam's path, {@code [exam][0 for α = 0, 1 for α = 1][class]} (forward only): S(0)
     * and S(X) for the completeness check, computed apart from the integration so the check is independent of it.
     * The zero baseline is one row for all exams; the rows run in passes of at most {@code maxRowsPerPass}.
     */
    private double[][][] endLogits(float[][] exams, int length) {
        int rowSize = Lead.COUNT * length;
        int rows = exams.length + 1;   // row 0: the zero baseline, row 1 + e: exam e
        float[][] logits = new float[rows][];
        for (int start = 0; start < rows; start += config.maxRowsPerPass()) {
            int count = Math.min(config.maxRowsPerPass(), rows - start);
            float[] input = new float[count * rowSize];
            for (int r = Math.max(start, 1); r < start + count; r++) {
                System.arraycopy(exams[r - 1], 0, input, (r - start) * rowSize, rowSize);
            }
            float[] flat;
            try (NDManager scope = model.manager().newSubManager()) {
                NDArray x = scope.create(input, new Shape(count, Lead.COUNT, length));
                flat = model.predict(x).get(0).toType(DataType.FLOAT32, false).toFloatArray();
            }
            for (int r = 0; r < count; r++) {
                logits[start + r] = Arrays.copyOfRange(flat, r * Condition.COUNT, (r + 1) * Condition.COUNT);
            }
        }
        double[][][] ends = new double[exams.length][2][Condition.COUNT];
        for (int e = 0; e < exams.length; e++) {
            for (int c = 0; c < Condition.COUNT; c++) {
                ends[e][0][c] = logits[0][c];
                ends[e][1][c] = logits[1 + e][c];
            }
        }
        return ends;
    }

    private static Result summarise(ExamArrays exams, List<Curve> curves, float[][] integrals, double[][][] ends,
                                    long gradientRows) {
        int length = exams.samplesPerLead();
        double[][][] byLeadAndClass = new double[exams.size()][Lead.COUNT][Condition.COUNT];
        double[][] byLead = new double[exams.size()][Lead.COUNT];
        double[] attributionSum = new double[exams.size()];
        double[] scoreDelta = new double[exams.size()];
        double[] conditionSums = new double[curves.size() - exams.size()];   // the curves besides S, in order
        double[] conditionDeltas = new double[conditionSums.length];
        int condition = 0;
        for (int v = 0; v < curves.size(); v++) {
            Curve curve = curves.get(v);
            int e = curve.exam();
            float[] exam = exams.inputs()[e];
            double sum = 0;
            for (int l = 0; l < Lead.COUNT; l++) {
                double absolute = 0;
                for (int t = l * length; t < (l + 1) * length; t++) {
                    double ig = (double) exam[t] * integrals[v][t];
                    absolute += Math.abs(ig);
                    sum += ig;
                }
                if (curve.condition() == Curve.ALL) {
                    byLead[e][l] = absolute;
                } else {
                    byLeadAndClass[e][l][curve.condition()] = absolute;
                }
            }
            float[] labels = exams.labels()[e];
            double delta = score(ends[e][1], labels, curve.termWeights())
                    - score(ends[e][0], labels, curve.termWeights());
            if (curve.condition() == Curve.ALL) {
                attributionSum[e] = sum;
                scoreDelta[e] = delta;
            } else {
                conditionSums[condition] = sum;
                conditionDeltas[condition++] = delta;
            }
        }
        List<ExamScores> importance = new ArrayList<>();
        for (int e = 0; e < exams.size(); e++) {
            importance.add(new ExamScores(exams.ids()[e], byLeadAndClass[e], byLead[e],
                    ExamScores.presentConditions(exams.labels()[e])));
        }
        return new Result(List.copyOf(importance), attributionSum, scoreDelta, conditionSums, conditionDeltas,
                gradientRows);
    }
}
