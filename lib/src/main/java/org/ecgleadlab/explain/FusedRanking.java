package org.ecgleadlab.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.ecgleadlab.data.Lead;

/**
 * The fourth stage of the score chain, the paper's §4.2.3 fusion of the {@link MethodAverage}s: each method's
 * 12-vector is normalised to sum 1, {@code FinalScore(l)} is the mean of the normalised scores over the methods, and
 * the leads are ranked by it.
 *
 * <p>Negative raw scores are possible (occluding a lead can lower the loss or raise the right probabilities). Dividing a
 * vector with mixed signs by its sum would give shares above 1 or below 0 — or flip every sign when the sum is
 * negative — so normalisation clips at zero first: a lead whose removal helps gets no share, the others share 1 in
 * proportion to their positive scores. A method with no positive score at all gives every lead a zero share (it has no
 * evidence to vote with) and the fused scores then sum to less than 1; {@link #uninformative()} names such methods.
 *
 * <p>Ties (equal final scores, e.g. several leads at exactly zero) keep the CODE lead order, so a ranking is fully
 * determined by its scores.
 */
public final class FusedRanking {
    private final List<ImportanceMethod> methods;
    private final double[][] normalised;
    private final double[] finalScore;
    private final List<Lead> order;

    private FusedRanking(List<ImportanceMethod> methods, double[][] normalised, double[] finalScore) {
        this.methods = List.copyOf(methods);
        this.normalised = normalised;
        this.finalScore = finalScore;
        this.order = order(finalScore);
    }

    /** Fuses the methods' averaged 12-vectors into one ranking. */
    public static FusedRanking fuse(List<MethodAverage> importances) {
        if (importances.isEmpty()) {
            throw new IllegalArgumentException("fusion needs at least one method");
        }
        List<ImportanceMethod> methods = importances.stream().map(MethodAverage::method).toList();
        double[][] normalised = importances.stream()
                .map(m -> normalise(m.byLead(), m.method() + "'s averaged scores")).toArray(double[][]::new);
        double[] fused = new double[Lead.COUNT];
        for (double[] share : normalised) {
            for (int l = 0; l < Lead.COUNT; l++) {
                fused[l] += share[l] / normalised.length;
            }
        }
        return new FusedRanking(methods, normalised, fused);
    }

    /** Clips negative scores at 0 and divides by the sum; all zeros when no score is positive. */
    public static double[] normalise(double[] raw) {
        return normalise(raw, "a score vector");
    }

    private static double[] normalise(double[] raw, String whose) {
        double sum = 0;
        for (int l = 0; l < raw.length; l++) {
            if (Double.isNaN(raw[l])) {
                // A NaN is a numerical fault upstream, not a user error: name where it is so it can be traced.
                throw new IllegalStateException(whose + ": lead " + Lead.values()[l].label()
                        + " is NaN (a numerical fault in that method, not in the data)");
            }
            sum += Math.max(raw[l], 0);
        }
        double[] share = new double[raw.length];
        if (sum > 0) {
            for (int i = 0; i < raw.length; i++) {
                share[i] = Math.max(raw[i], 0) / sum;
            }
        }
        return share;
    }

    /** Leads ordered by descending score; ties keep the CODE lead order. */
    public static List<Lead> order(double[] scores) {
        return IntStream.range(0, Lead.COUNT).boxed()
                .sorted(Comparator.<Integer>comparingDouble(l -> -scores[l]).thenComparingInt(l -> l))
                .map(l -> Lead.values()[l]).toList();
    }

    /** 1-based rank of every lead (index = lead channel) under {@link #order}. */
    public static int[] ranks(double[] scores) {
        int[] rank = new int[Lead.COUNT];
        List<Lead> ordered = order(scores);
        for (int r = 0; r < ordered.size(); r++) {
            rank[ordered.get(r).channel()] = r + 1;
        }
        return rank;
    }

    public List<ImportanceMethod> methods() {
        return methods;
    }

    /** The normalised 12-vector of {@code method}. */
    public double[] normalised(ImportanceMethod method) {
        int index = methods.indexOf(method);
        if (index < 0) {
            throw new IllegalArgumentException(method + " was not part of this ranking");
        }
        return normalised[index].clone();
    }

    /** {@code FinalScore} per lead channel. */
    public double[] finalScores() {
        return finalScore.clone();
    }

    /** All 12 leads, most important first ({@link RankedSubsets} cuts the Top-k and Bottom-3 from it). */
    public List<Lead> order() {
        return order;
    }

    /** 1-based rank of {@code lead}. */
    public int rank(Lead lead) {
        return order.indexOf(lead) + 1;
    }

    /** Methods that found no lead with a positive score and so contributed nothing to the fusion. */
    public List<ImportanceMethod> uninformative() {
        List<ImportanceMethod> none = new ArrayList<>();
        for (int m = 0; m < methods.size(); m++) {
            if (java.util.Arrays.stream(normalised[m]).allMatch(v -> v == 0)) {
                none.add(methods.get(m));
            }
        }
        return none;
    }
}
