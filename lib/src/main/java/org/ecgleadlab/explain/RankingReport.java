package org.ecgleadlab.explain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.ig.Completeness;
import org.ecgleadlab.report.Figure;
import org.ecgleadlab.report.Json;
import org.ecgleadlab.report.Plots;
import org.ecgleadlab.report.TableFormat;
import org.ecgleadlab.report.Tables;
import org.ecgleadlab.util.PerExamOutput;
import org.knowm.xchart.HeatMapChart;
import tech.tablesaw.api.Table;

/**
 * Prints a {@link RankLeads.Outcome} as tables and writes it to an output folder: {@value RankingFile#FILE_NAME}
 * (read by the adaptation step), {@code provenance.json}, the test pool's halves, one CSV per method's 12 × 6 matrix,
 * the fused table, the paper's Figure 2 (heatmaps) and Figure 3 (bars), and the stability and per-exam results.
 */
public final class RankingReport {
    private static final String[] LETTERS = {"A", "B", "C", "D"};

    private RankingReport() {
    }

    /** The fused ranking: rank, lead, FinalScore, then each method's normalised share. */
    public static Table fusedTable(RankLeads.Outcome outcome) {
        List<String> columns = new ArrayList<>(List.of("Rank", "Lead", "FinalScore"));
        outcome.ranking().methods().forEach(m -> columns.add(m.title()));
        Tables.Builder table = Tables.builder("Fused lead ranking (normalised scores, " + outcome.result().exams()
                + " exams)", columns.toArray(String[]::new));
        for (Lead lead : outcome.ranking().order()) {
            List<Object> row = new ArrayList<>(List.of(outcome.ranking().rank(lead), lead.label(),
                    outcome.ranking().finalScores()[lead.channel()]));
            outcome.ranking().methods().forEach(m -> row.add(outcome.ranking().normalised(m)[lead.channel()]));
            table.row(row.toArray());
        }
        return table.build();
    }

    /** One method's 12 × 6 matrix with its 12-vector as the last column (raw scores). */
    public static Table matrixTable(MethodAverage importance) {
        List<String> columns = new ArrayList<>(List.of("Lead"));
        Arrays.stream(Condition.values()).forEach(c -> columns.add(c.column()));
        columns.add("All");
        Tables.Builder table = Tables.builder(importance.method().title() + " (raw, " + importance.exams() + " exams)",
                columns.toArray(String[]::new));
        for (Lead lead : Lead.values()) {
            List<Object> row = new ArrayList<>(List.of(lead.label()));
            for (double v : importance.byLeadAndClass()[lead.channel()]) {
                row.add(Double.isNaN(v) ? null : v);
            }
            row.add(importance.byLead()[lead.channel()]);
            table.row(row.toArray());
        }
        return table.build();
    }

    /** Prints the fused table, the subsets, the run's speed and, when present, completeness and stability. */
    public static void print(RankLeads.Outcome outcome) {
        Tables.print(fusedTable(outcome), TableFormat.DEFAULT);
        System.out.println();
        outcome.result().subsets().forEach((name, leads) ->
                System.out.printf(Locale.ROOT, "%-9s %s%n", name + ":", String.join(", ", leads)));
        if (!outcome.result().uninformative().isEmpty()) {
            System.out.println("note: no lead scored above 0 with " + outcome.result().uninformative()
                    + "; these methods gave no share to any lead");
        }
        System.out.println();
        Tables.print(timingTable(outcome), TableFormat.decimals(2));
        System.out.printf(Locale.ROOT, "%.2f exams/s on %s%n", outcome.examsPerSecond(), outcome.device());
        if (outcome.completeness() != null) {
            Completeness c = outcome.completeness();
            System.out.printf(Locale.ROOT, "Integrated Gradients completeness: pooled relative error %.3f %% "
                    + "(max gap %.2e, mean |S(X) - S(0)| %.3f, %d exams)%n", 100 * c.pooledRelativeError(),
                    c.maxAbsoluteGap(), c.meanAbsoluteDelta(), c.scores());
            Completeness k = outcome.conditionCompleteness();
            if (k.scores() > 0) {
                System.out.printf(Locale.ROOT, "  per-condition scores (heatmap columns): %.3f %% (max gap %.2e, "
                        + "%d exam-condition pairs)%n", 100 * k.pooledRelativeError(), k.maxAbsoluteGap(), k.scores());
            }
            int curves = c.scores() + k.scores();
            System.out.printf(Locale.ROOT, "  %d input-gradient rows, %.1f per integrated score (%d scores)%n",
                    outcome.igGradientRows(), outcome.igGradientRows() / (double) Math.max(1, curves), curves);
        }
        if (outcome.stability() != null) {
            System.out.println();
            Tables.print(StabilityReport.rankTable(outcome.stability()), TableFormat.decimals(2));
            System.out.println();
            Tables.print(StabilityReport.agreementTable(outcome.stability()), TableFormat.decimals(2));
        }
        if (outcome.perExam() != null) {
            System.out.println();
            Tables.print(PerExamReport.summaryTable(outcome.perExam()), TableFormat.DEFAULT);
        }
    }

    /** Wall time per stage and its share of the whole. */
    public static Table timingTable(RankLeads.Outcome outcome) {
        double total = outcome.secondsPerStage().values().stream().mapToDouble(Double::doubleValue).sum();
        Tables.Builder table = Tables.builder("Time per stage", "Stage", "Seconds", "Share %");
        outcome.secondsPerStage().forEach((stage, s) -> table.row(stage, s, 100 * s / total));
        table.row("total", total, 100.0);
        return table.build();
    }

    /** Writes every result file into {@code folder}; returns the paths written. */
    public static List<Path> write(RankLeads.Outcome outcome, Path folder) {
        return write(outcome, folder, PerExamOutput.CSV);
    }

    /** {@link #write(RankLeads.Outcome, Path)} with the per-exam ranking in {@code perExamOutput}'s format. */
    public static List<Path> write(RankLeads.Outcome outcome, Path folder, PerExamOutput perExamOutput) {
        List<Path> written = new ArrayList<>();
        Path ranking = folder.resolve(RankingFile.FILE_NAME);
        outcome.result().write(ranking);
        written.add(ranking);
        Path provenance = folder.resolve("provenance.json");
        outcome.result().provenance().write(provenance);
        written.add(provenance);
        Path halves = folder.resolve("test-halves.csv");
        outcome.halves().membership().save(halves);
        written.add(halves);
        written.add(Tables.saveCsv(fusedTable(outcome), folder.resolve("fused-ranking.csv")));
        for (MethodAverage average : outcome.averages()) {
            written.add(Tables.saveCsv(matrixTable(average), folder.resolve("matrix-" + average.method().key() + ".csv")));
        }
        written.addAll(heatmaps(outcome).save(folder.resolve("figure2-heatmaps")));
        written.addAll(Figure.of(leadBars(outcome)).save(folder.resolve("figure3-lead-importance")));
        written.add(writeRunSummary(outcome, folder.resolve("run-summary.json")));
        if (outcome.stability() != null) {
            written.addAll(StabilityReport.write(outcome.stability(), folder));
        }
        if (outcome.perExam() != null) {
            written.addAll(PerExamReport.write(outcome.perExam(),
                    ExamInfo.recordNames(outcome.halves().interpretability()), folder, perExamOutput));
        }
        return written;
    }

    /** Figure 2: one lead × condition heatmap per method. Columns without exams are drawn as 0 (see the CSV). */
    public static Figure heatmaps(RankLeads.Outcome outcome) {
        List<HeatMapChart> panels = new ArrayList<>();
        for (MethodAverage average : outcome.averages()) {
            double[][] values = new double[Lead.COUNT][];
            for (int l = 0; l < Lead.COUNT; l++) {
                values[l] = Arrays.stream(average.byLeadAndClass()[l]).map(v -> Double.isNaN(v) ? 0 : v).toArray();
            }
            String letter = LETTERS[average.method().ordinal()];
            panels.add(Plots.leadConditionHeatmap("(" + letter + ") " + average.method().title(), values));
        }
        return Figure.grid("Lead importance by method (" + outcome.result().exams() + " exams)",
                Math.min(2, panels.size()), panels);
    }

    /** Figure 3: each lead's FinalScore as a stack of the methods' contributions (share / M), in rank order. */
    public static org.knowm.xchart.CategoryChart leadBars(RankLeads.Outcome outcome) {
        List<Lead> order = outcome.ranking().order();
        int methods = outcome.ranking().methods().size();
        Map<String, double[]> series = new LinkedHashMap<>();
        for (ImportanceMethod method : outcome.ranking().methods()) {
            double[] share = outcome.ranking().normalised(method);
            series.put(method.title(), order.stream().mapToDouble(l -> share[l.channel()] / methods).toArray());
        }
        return Plots.stackedBars("Relative importance of each lead (FinalScore = mean of normalised scores)",
                "Lead (ranked)", "FinalScore", order.stream().map(Lead::label).toList(), series);
    }

    private static Path writeRunSummary(RankLeads.Outcome outcome, Path file) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("exams", outcome.result().exams());
        summary.put("examsPerSecond", outcome.examsPerSecond());
        summary.put("device", outcome.device().toString());
        summary.put("secondsPerStage", outcome.secondsPerStage());
        summary.put("integratedGradientsCompleteness", outcome.completeness());
        summary.put("integratedGradientsConditionCompleteness", outcome.conditionCompleteness());
        Json.write(file, summary);
        return file;
    }
}
