package org.ecgleadlab.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Tables;
import tech.tablesaw.api.Table;

/**
 * Several lead rankings side by side (models, data, a published one): Top-3, Bottom-3 and how often the bootstrap
 * resamples put each of the likeliest leads first. Notebook 06 shows the rankings on real patients this way.
 *
 * @param name    what was ranked, by which model
 * @param exams   exams averaged; 0 for a published ranking
 * @param top3    the three highest leads
 * @param bottom3 the three lowest leads
 * @param firsts  the leads most often ranked first over the bootstrap resamples, most often first, at most three,
 *                each with its share of resamples; empty for a published ranking
 */
public record RankingComparison(String name, int exams, List<Lead> top3, List<Lead> bottom3, List<FirstShare> firsts) {
    /** How many of the likeliest first leads a row names. */
    public static final int FIRSTS_SHOWN = 3;

    /** A lead and the share of bootstrap resamples that rank it first. */
    public record FirstShare(Lead lead, double share) {
    }

    /** The row of a {@code rank-leads} run. */
    public static RankingComparison of(String name, RankLeads.Outcome outcome) {
        return of(name, outcome.result(), outcome.stability());
    }

    /** The row of a ranking and its bootstrap stability. */
    public static RankingComparison of(String name, RankingFile ranking, RankingStability stability) {
        List<FirstShare> firsts = stability.leads().stream()
                .filter(s -> s.probabilityTop1() > 0)
                .sorted(Comparator.comparingDouble(RankingStability.LeadStability::probabilityTop1).reversed()
                        .thenComparingInt(RankingStability.LeadStability::rank))
                .limit(FIRSTS_SHOWN)
                .map(s -> new FirstShare(s.lead(), s.probabilityTop1()))
                .toList();
        return new RankingComparison(name, ranking.exams(), ranking.subset(RankedSubsets.topName(3)),
                ranking.subset(RankedSubsets.BOTTOM_3), firsts);
    }

    /** A published ranking (the paper's), without exams or stability. */
    public static RankingComparison published(String name, List<Lead> top3, List<Lead> bottom3) {
        return new RankingComparison(name, 0, List.copyOf(top3), List.copyOf(bottom3), List.of());
    }

    /** One row per ranking: name, exams, Top-3, Bottom-3, P(Top-1) of the likeliest first leads. */
    public static Table table(List<RankingComparison> rows) {
        Tables.Builder table = Tables.builder("Lead rankings compared", "ranking", "exams", "Top-3", "Bottom-3",
                "P(Top-1) over the bootstrap");
        for (RankingComparison row : rows) {
            List<String> shares = new ArrayList<>();
            row.firsts().forEach(f -> shares.add(f.lead().label() + " " + String.format(Locale.ROOT, "%.2f",
                    f.share())));
            table.row(row.name(), row.exams() > 0 ? Integer.toString(row.exams()) : Tables.MISSING,
                    String.join(", ", row.top3().stream().map(Lead::label).toList()),
                    String.join(", ", row.bottom3().stream().map(Lead::label).toList()),
                    shares.isEmpty() ? Tables.MISSING : String.join(", ", shares));
        }
        return table.build();
    }
}
