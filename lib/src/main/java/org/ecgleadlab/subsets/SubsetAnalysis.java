package org.ecgleadlab.subsets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.metrics.PairedDifference;

/**
 * What the scores say: the best set of each size and the sets statistically indistinguishable from it, where the
 * ranking's Top-k and Bottom-3 stand among the sets of their size, how the device sets compare with the 12 leads, and
 * how well a set's fused importance (the sum of its leads' FinalScores) predicts its measured macro F1.
 */
public final class SubsetAnalysis {
    /** Two-sided level below which a set is called worse than the best of its size. */
    public static final double ALPHA = 0.05;

    /**
     * The best set of one size.
     *
     * @param size              leads per set
     * @param best              its score (highest macro F1; ties: the first in set order)
     * @param indistinguishable the other sets of that size whose paired difference to the best has p ≥ {@value #ALPHA}
     * @param sets              sets of that size searched
     */
    public record SizeBest(int size, SubsetScore best, List<String> indistinguishable, int sets) {
    }

    /**
     * Where a named set stands among the searched sets of its size.
     *
     * @param name           "Top-2", "Bottom-3", "Challenge-2", ...
     * @param score          its score
     * @param rank           1 + the number of sets of its size with a higher macro F1 (0: its size was not searched)
     * @param of             sets of its size searched
     * @param percentile     share of the other sets of its size it beats, in % (100: the best, 0: the worst)
     * @param versusBest     paired macro-F1 difference to the best of its size (null when not searched)
     * @param versusAllLeads paired macro-F1 difference to all 12 leads
     */
    public record Standing(String name, SubsetScore score, int rank, int of, double percentile,
                           PairedDifference versusBest, PairedDifference versusAllLeads) {
        /** Whether it is the best of its size or statistically indistinguishable from it. */
        public boolean amongBest() {
            return versusBest != null && (rank == 1 || versusBest.pValue() >= ALPHA);
        }
    }

    /** Spearman and Pearson correlation of fused importance and macro F1 over {@code sets} sets of {@code scope}. */
    public record Correlation(String scope, int sets, double spearman, double pearson) {
    }

    private final Map<Integer, List<SubsetScore>> bySize;
    private final Map<Integer, SizeBest> best = new LinkedHashMap<>();
    private final SubsetScoring scoring;
    private final SubsetScore allLeads;

    SubsetAnalysis(List<SubsetScore> exhaustive, SubsetScore allLeads, SubsetScoring scoring) {
        this.scoring = scoring;
        this.allLeads = allLeads;
        this.bySize = exhaustive.stream().collect(Collectors.groupingBy(SubsetScore::size, LinkedHashMap::new,
                Collectors.toList()));
        for (Map.Entry<Integer, List<SubsetScore>> entry : bySize.entrySet()) {
            List<SubsetScore> sets = entry.getValue();
            SubsetScore top = sets.stream().max(Comparator.comparingDouble(SubsetScore::f1)
                    .thenComparing(SubsetScore::set, Comparator.reverseOrder())).orElseThrow();
            List<String> tied = new ArrayList<>();
            for (SubsetScore other : sets) {
                if (other != top && scoring.paired(other, top).pValue() >= ALPHA) {
                    tied.add(other.set().name());
                }
            }
            best.put(entry.getKey(), new SizeBest(entry.getKey(), top, tied, sets.size()));
        }
    }

    /** The best set of every searched size, smallest size first. */
    public List<SizeBest> bestBySize() {
        return List.copyOf(best.values());
    }

    /** The standing of {@code score} (named {@code name}) among the searched sets of its size. */
    public Standing standing(String name, SubsetScore score) {
        PairedDifference versusAll = scoring.paired(score, allLeads);
        List<SubsetScore> peers = bySize.get(score.size());
        if (peers == null) {
            return new Standing(name, score, 0, 0, Double.NaN, null, versusAll);
        }
        long higher = peers.stream().filter(p -> p.f1() > score.f1()).count();
        long lower = peers.stream().filter(p -> p.f1() < score.f1()).count();
        double percentile = peers.size() == 1 ? 100 : 100.0 * lower / (peers.size() - 1);
        SubsetScore top = best.get(score.size()).best();
        return new Standing(name, score, (int) higher + 1, peers.size(), percentile, scoring.paired(score, top),
                versusAll);
    }

    /**
     * Correlation of fused importance with macro F1: within each searched size with at least 3 sets, then over every
     * searched set (where set size drives both, so the within-size values are the telling ones).
     */
    public List<Correlation> correlations(RankingFile ranking) {
        List<Correlation> correlations = new ArrayList<>();
        List<SubsetScore> all = new ArrayList<>();
        for (Map.Entry<Integer, List<SubsetScore>> entry : bySize.entrySet()) {
            all.addAll(entry.getValue());
            if (entry.getValue().size() >= 3) {
                correlations.add(correlation("size " + entry.getKey(), entry.getValue(), ranking));
            }
        }
        if (bySize.size() > 1) {
            correlations.add(correlation("all searched sizes", all, ranking));
        }
        return correlations;
    }

    /** The fused importance of a set: the sum of its leads' FinalScores. */
    public static double importance(LeadSet set, RankingFile ranking) {
        double sum = 0;
        for (Lead lead : set.leads()) {
            sum += ranking.finalScores().getOrDefault(lead.label(), 0.0);
        }
        return sum;
    }

    private static Correlation correlation(String scope, List<SubsetScore> sets, RankingFile ranking) {
        double[] importance = sets.stream().mapToDouble(s -> importance(s.set(), ranking)).toArray();
        double[] f1 = sets.stream().mapToDouble(SubsetScore::f1).toArray();
        return new Correlation(scope, sets.size(), new SpearmansCorrelation().correlation(importance, f1),
                new PearsonsCorrelation().correlation(importance, f1));
    }
}
