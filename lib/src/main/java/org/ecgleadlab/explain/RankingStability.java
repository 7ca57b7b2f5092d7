package org.ecgleadlab.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.ecgleadlab.data.Lead;

/**
 * Beyond the paper: how much the fused ranking depends on which exams were analysed. The exams are resampled with
 * replacement (a seeded bootstrap), every method's average and the fusion are recomputed from the stored per-exam
 * scores (no model call), and we report each lead's rank interval and how often it lands in the Top-1 and Top-3, and,
 * per pair of methods (and each method against the fused score), Kendall's τ-b between their 12-vectors with its
 * bootstrap interval.
 */
public final class RankingStability {
    /** The name used for the fused score in {@link MethodAgreement}. */
    public static final String FUSED = "Fused";

    private final int resamples;
    private final long seed;
    private final List<LeadStability> leads;
    private final List<MethodAgreement> agreements;

    /**
     * One lead under resampling.
     *
     * @param rank            its rank on all exams
     * @param medianRank      median rank over the resamples
     * @param lowRank         2.5th percentile of the rank (the best end of the 95 % interval)
     * @param highRank        97.5th percentile of the rank
     * @param probabilityTop1 share of resamples in which it is ranked first
     * @param probabilityTop3 share of resamples in which it is in the Top-3
     */
    public record LeadStability(Lead lead, int rank, double medianRank, int lowRank, int highRank,
                                double probabilityTop1, double probabilityTop3) {
    }

    /**
     * Kendall's τ-b between two rankers' 12-vectors: on all exams, and the 95 % bootstrap interval. NaN when one vector
     * is constant.
     */
    public record MethodAgreement(String first, String second, double tau, double low, double high) {
    }

    private RankingStability(int resamples, long seed, List<LeadStability> leads, List<MethodAgreement> agreements) {
        this.resamples = resamples;
        this.seed = seed;
        this.leads = leads;
        this.agreements = agreements;
    }

    /** Runs {@code resamples} bootstrap resamples of the exams with {@code seed}. */
    public static RankingStability bootstrap(List<MethodExamScores> methods, int resamples, long seed) {
        int exams = methods.get(0).size();
        if (exams == 0 || resamples < 1) {
            throw new IllegalArgumentException("bootstrap needs exams and at least one resample");
        }
        double[][] full = vectors(methods, allExams(exams));
        int[] fullRanks = FusedRanking.ranks(full[full.length - 1]);
        int pairs = full.length * (full.length - 1) / 2;
        int[][] ranks = new int[Lead.COUNT][resamples];
        double[][] taus = new double[pairs][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            int[] sample = new int[exams];
            for (int i = 0; i < exams; i++) {
                sample[i] = random.nextInt(exams);
            }
            double[][] vectors = vectors(methods, sample);
            int[] rank = FusedRanking.ranks(vectors[vectors.length - 1]);
            for (int l = 0; l < Lead.COUNT; l++) {
                ranks[l][b] = rank[l];
            }
            double[] tau = pairwiseTau(vectors);
            for (int p = 0; p < pairs; p++) {
                taus[p][b] = tau[p];
            }
        }
        List<LeadStability> leads = new ArrayList<>();
        for (Lead lead : FusedRanking.order(full[full.length - 1])) {
            int[] r = ranks[lead.channel()].clone();
            Arrays.sort(r);
            leads.add(new LeadStability(lead, fullRanks[lead.channel()], median(r), r[lowIndex(resamples)],
                    r[highIndex(resamples)], share(r, 1), share(r, 3)));
        }
        return new RankingStability(resamples, seed, List.copyOf(leads), agreements(methods, full, taus));
    }

    private static int[] allExams(int exams) {
        int[] all = new int[exams];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** Each method's averaged 12-vector over {@code sample}, then the fused score as the last row. */
    private static double[][] vectors(List<MethodExamScores> methods, int[] sample) {
        List<MethodAverage> averages = methods.stream().map(m -> m.average(sample)).toList();
        double[][] vectors = new double[methods.size() + 1][];
        for (int m = 0; m < methods.size(); m++) {
            vectors[m] = averages.get(m).byLead();
        }
        vectors[methods.size()] = FusedRanking.fuse(averages).finalScores();
        return vectors;
    }

    private static double[] pairwiseTau(double[][] vectors) {
        KendallsCorrelation kendall = new KendallsCorrelation();
        double[] tau = new double[vectors.length * (vectors.length - 1) / 2];
        int p = 0;
        for (int i = 0; i < vectors.length; i++) {
            for (int j = i + 1; j < vectors.length; j++) {
                tau[p++] = kendall.correlation(vectors[i], vectors[j]);
            }
        }
        return tau;
    }

    private static List<MethodAgreement> agreements(List<MethodExamScores> methods, double[][] full, double[][] taus) {
        List<String> names = new ArrayList<>(methods.stream().map(m -> m.method().title()).toList());
        names.add(FUSED);
        double[] point = pairwiseTau(full);
        List<MethodAgreement> agreements = new ArrayList<>();
        int p = 0;
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double[] sorted = Arrays.stream(taus[p]).filter(t -> !Double.isNaN(t)).sorted().toArray();
                double low = sorted.length == 0 ? Double.NaN : sorted[lowIndex(sorted.length)];
                double high = sorted.length == 0 ? Double.NaN : sorted[highIndex(sorted.length)];
                agreements.add(new MethodAgreement(names.get(i), names.get(j), point[p], low, high));
                p++;
            }
        }
        return List.copyOf(agreements);
    }

    private static int lowIndex(int n) {
        return (int) Math.floor(0.025 * (n - 1));
    }

    private static int highIndex(int n) {
        return (int) Math.ceil(0.975 * (n - 1));
    }

    private static double median(int[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static double share(int[] ranks, int atMost) {
        return (double) Arrays.stream(ranks).filter(r -> r <= atMost).count() / ranks.length;
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    /** Every lead, in the order of the ranking on all exams. */
    public List<LeadStability> leads() {
        return leads;
    }

    /** Every pair among the methods and the fused score ({@link #FUSED}, always second), in method order. */
    public List<MethodAgreement> agreements() {
        return agreements;
    }
}
