package org.ecgleadlab.subsets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.metrics.MetricInterval;
import org.ecgleadlab.report.TableFormat;
import org.ecgleadlab.report.Tables;
import tech.tablesaw.api.Table;

/** Prints the search's findings and writes subsets.csv, summary.json, the figure and provenance.json. */
public final class SubsetReport {
    public static final String CSV_FILE = "subsets.csv";
    public static final String FIGURE_FILE = "f1-vs-size";
    public static final String PROVENANCE_FILE = "provenance.json";

    private SubsetReport() {
    }

    /** Writes every file into {@code folder}; returns the summary written. */
    public static SubsetSummary write(SubsetSearch.Outcome outcome, Path folder) {
        Tables.saveCsv(table(outcome), folder.resolve(CSV_FILE));
        SubsetSummary summary = SubsetSummary.of(outcome);
        summary.write(folder.resolve(SubsetSummary.FILE_NAME));
        SubsetPlot.f1VersusSize(outcome).save(folder.resolve(FIGURE_FILE));
        outcome.provenance().write(folder.resolve(PROVENANCE_FILE));
        return summary;
    }

    /**
     * One row per searched subset (kind {@code exhaustive}), per device set ({@code device}, also when its leads are
     * among the exhaustive rows) and per ranking subset outside the searched sizes ({@code ranking}).
     */
    public static Table table(SubsetSearch.Outcome outcome) {
        List<String> columns = new ArrayList<>(List.of("leads", "size", "kind", "name", "macro_f1", "macro_f1_lower",
                "macro_f1_upper", "macro_auc", "macro_auc_lower", "macro_auc_upper"));
        for (Condition c : Condition.values()) {
            columns.addAll(List.of("f1_" + c.column(), "f1_" + c.column() + "_lower", "f1_" + c.column() + "_upper"));
        }
        for (Condition c : Condition.values()) {
            columns.add("auc_" + c.column());
        }
        columns.addAll(List.of("rank_in_size", "level_with_best", "importance"));
        Tables.Builder table = Tables.builder("Lead subsets: masked inference of the lead-dropout model",
                columns.toArray(String[]::new));
        Map<LeadSet, String> rankingNames = new HashMap<>();
        outcome.rankingStandings().forEach(s -> rankingNames.merge(s.score().set(), s.name(), (a, b) -> a + " " + b));
        for (SubsetScore s : outcome.exhaustive()) {
            table.row(row(outcome, s, "exhaustive", rankingNames.getOrDefault(s.set(), "")).toArray());
        }
        outcome.devices().forEach((device, s) -> table.row(row(outcome, s, "device", device.shortName()).toArray()));
        for (SubsetAnalysis.Standing s : outcome.rankingStandings()) {
            if (s.of() == 0) {
                table.row(row(outcome, s.score(), "ranking", s.name()).toArray());
            }
        }
        return table.build();
    }

    private static List<Object> row(SubsetSearch.Outcome outcome, SubsetScore s, String kind, String name) {
        List<Object> row = new ArrayList<>(List.of(s.set().name(), s.size(), kind, name));
        addInterval(row, s.macroF1());
        addInterval(row, s.macroAuc());
        for (MetricInterval f1 : s.f1PerClass()) {
            addInterval(row, f1);
        }
        for (double auc : s.aucPerClass()) {
            row.add(finite(auc));
        }
        SubsetAnalysis.Standing standing = outcome.analysis().standing(s.set().name(), s);
        row.add(standing.of() == 0 ? null : standing.rank());
        row.add(standing.of() == 0 ? "" : standing.amongBest() ? "yes" : "no");
        row.add(outcome.ranking() == null ? null : SubsetAnalysis.importance(s.set(), outcome.ranking()));
        return row;
    }

    private static void addInterval(List<Object> row, MetricInterval interval) {
        row.add(finite(interval.estimate()));
        row.add(finite(interval.lower()));
        row.add(finite(interval.upper()));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Prints the findings: best per size, the ranking's subsets, the device sets, the correlations. */
    public static void print(SubsetSummary summary) {
        System.out.printf(Locale.ROOT, "%d subsets of 1-%d leads and %d device sets on %d evaluation exams "
                        + "(threshold %.2f; 95 %% intervals from %s bootstrap resamples; %s)%n",
                summary.bestBySize().stream().mapToInt(SubsetSummary.Best::subsets).sum(), summary.maxSize(),
                summary.devices().size(), summary.exams(), summary.threshold(),
                summary.provenance().configuration().get("bootstrap"), summary.leadDropoutModel()
                        ? "lead-dropout model" : "WARNING: the checkpoint was not trained with --lead-dropout, so this"
                        + " is masked inference of a 12-lead model and small subsets are underrated");
        Tables.print(bestTable(summary), TableFormat.decimals(3));
        System.out.println();
        Tables.print(standingsTable("The ranking's subsets among all subsets of their size",
                summary.rankingStandings()), TableFormat.decimals(3));
        System.out.println();
        Tables.print(standingsTable("Device lead sets", summary.devices()), TableFormat.decimals(3));
        if (!summary.correlations().isEmpty()) {
            System.out.println();
            Tables.print(correlationTable(summary), TableFormat.decimals(3));
        }
        if (summary.bestPairIsTop2() != null) {
            System.out.println("\nbest pair is the ranking's Top-2: " + (summary.bestPairIsTop2() ? "yes" : "no"));
        }
    }

    /** The best subset of each size, its intervals and the subsets level with it. */
    public static Table bestTable(SubsetSummary summary) {
        Tables.Builder best = Tables.builder("Best subset of each size", "size", "best", "macro F1", "95% CI",
                "macro AUC", "level with it (p >= 0.05)");
        for (SubsetSummary.Best b : summary.bestBySize()) {
            best.row(b.size(), b.leads(), b.macroF1(), interval(b.macroF1Lower(), b.macroF1Upper()), b.macroAuc(),
                    b.indistinguishable().isEmpty() ? "none" : b.indistinguishable().size() <= 6
                            ? String.join(" ", b.indistinguishable())
                            : b.indistinguishable().size() + " subsets (see " + CSV_FILE + ")");
        }
        return best.build();
    }

    /** Fused importance against macro F1: Spearman and Pearson per size and over all sizes. */
    public static Table correlationTable(SubsetSummary summary) {
        Tables.Builder correlations = Tables.builder("Fused importance (sum of FinalScores) vs macro F1", "subsets",
                "n", "Spearman", "Pearson");
        summary.correlations().forEach(c -> correlations.row(c.scope(), c.sets(), c.spearman(), c.pearson()));
        return correlations.build();
    }

    /** Named subsets (the ranking's, or the device sets): rank in their size, F1, paired differences. */
    public static Table standingsTable(String title, List<SubsetSummary.Position> positions) {
        Tables.Builder table = Tables.builder(title, "name", "leads", "rank", "percentile", "macro F1", "95% CI",
                "dF1 vs best of size", "p", "dF1 vs 12 leads", "p vs 12");
        for (SubsetSummary.Position p : positions) {
            table.row(p.name(), p.leads(), p.rank() == 0 ? "-" : p.rank() + " of " + p.of(),
                    p.rank() == 0 ? "-" : String.format(Locale.ROOT, "%.0f", p.percentile()), p.macroF1(),
                    interval(p.macroF1Lower(), p.macroF1Upper()), p.deltaVsBest(), p.pVsBest(), p.deltaVsAll12(),
                    p.pVsAll12());
        }
        return table.build();
    }

    private static String interval(double lower, double upper) {
        return String.format(Locale.ROOT, "[%.3f, %.3f]", lower, upper);
    }
}
