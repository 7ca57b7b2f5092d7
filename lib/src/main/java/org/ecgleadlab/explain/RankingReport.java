package org.ecgleadlab.explain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Figure;
import org.ecgleadlab.report.Json;
import org.ecgleadlab.report.Plots;
import org.ecgleadlab.report.TableFormat;
import org.ecgleadlab.report.Tables;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * Prints a {@link RankLeads.Outcome} as tables and writes it to an output folder: {@value RankingResult#FILE_NAME}
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
    public static Table matrixTable(MethodImportance importance) {
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
        }
        if (outcome.stability() != null) {
            System.out.println();
            Tables.print(stabilityTable(outcome.stability()), TableFormat.decimals(2));
            System.out.println();
            Tables.print(agreementTable(outcome.stability()), TableFormat.decimals(2));
        }
        if (outcome.perExam() != null) {
            System.out.println();
            Tables.print(perExamSummary(outcome.perExam()), TableFormat.DEFAULT);
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

    /** Each lead's bootstrap rank interval and how often it is first or in the Top-3. */
    public static Table stabilityTable(RankingStability stability) {
        Tables.Builder table = Tables.builder("Rank stability (" + stability.resamples() + " bootstrap resamples "
                + "of the exams, seed " + stability.seed() + ")", "Lead", "Rank", "Median rank", "95% low",
                "95% high", "P(Top-1)", "P(Top-3)");
        for (RankingStability.LeadStability s : stability.leads()) {
            table.row(s.lead().label(), s.rank(), s.medianRank(), s.lowRank(), s.highRank(), s.probabilityTop1(),
                    s.probabilityTop3());
        }
        return table.build();
    }

    /** Kendall's τ between the methods' lead scores (and with the fused score). */
    public static Table agreementTable(RankingStability stability) {
        Tables.Builder table = Tables.builder("Agreement between methods (Kendall's tau-b of the 12 lead scores)",
                "First", "Second", "tau", "95% low", "95% high");
        for (RankingStability.MethodAgreement a : stability.agreements()) {
            table.row(a.first(), a.second(), nullIfNaN(a.tau()), nullIfNaN(a.low()), nullIfNaN(a.high()));
        }
        return table.build();
    }

    /** How many exams put each lead first, and in their own Top-3. */
    public static Table perExamSummary(List<PerExamRanking.ExamRanking> rankings) {
        int[] first = PerExamRanking.countInTop(rankings, 1);
        int[] top3 = PerExamRanking.countInTop(rankings, 3);
        Tables.Builder table = Tables.builder("Per-exam rankings (" + rankings.size() + " exams)", "Lead",
                "Exams ranking it first", "Share first", "Exams with it in Top-3", "Share in Top-3");
        for (Lead lead : Lead.values()) {
            int l = lead.channel();
            table.row(lead.label(), first[l], (double) first[l] / rankings.size(), top3[l],
                    (double) top3[l] / rankings.size());
        }
        return table.build();
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Writes every result file into {@code folder}; returns the paths written. */
    public static List<Path> write(RankLeads.Outcome outcome, Path folder) {
        List<Path> written = new ArrayList<>();
        Path ranking = folder.resolve(RankingResult.FILE_NAME);
        outcome.result().write(ranking);
        written.add(ranking);
        Path provenance = folder.resolve("provenance.json");
        outcome.result().provenance().write(provenance);
        written.add(provenance);
        Path halves = folder.resolve("test-halves.csv");
        outcome.halves().membership().save(halves);
        written.add(halves);
        written.add(Tables.saveCsv(fusedTable(outcome), folder.resolve("fused-ranking.csv")));
        for (MethodImportance average : outcome.averages()) {
            written.add(Tables.saveCsv(matrixTable(average), folder.resolve("matrix-" + average.method().key() + ".csv")));
        }
        written.addAll(heatmaps(outcome).save(folder.resolve("figure2-heatmaps")));
        written.addAll(Figure.of(leadBars(outcome)).save(folder.resolve("figure3-lead-importance")));
        written.add(writeRunSummary(outcome, folder.resolve("run-summary.json")));
        if (outcome.stability() != null) {
            written.add(Tables.saveCsv(stabilityTable(outcome.stability()), folder.resolve("stability.csv")));
            written.add(Tables.saveCsv(agreementTable(outcome.stability()), folder.resolve("method-agreement.csv")));
            written.addAll(Figure.grid("Ranking stability", 2, List.of(rankIntervals(outcome.stability()),
                    agreementHeatmap(outcome.stability()))).save(folder.resolve("stability")));
        }
        if (outcome.perExam() != null) {
            written.add(writePerExam(outcome.perExam(), folder.resolve("per-exam-ranking.csv")));
            written.add(Tables.saveCsv(perExamSummary(outcome.perExam()), folder.resolve("per-exam-summary.csv")));
            written.addAll(Figure.of(perExamBars(outcome.perExam())).save(folder.resolve("per-exam")));
        }
        return written;
    }

    /** Figure 2: one lead × condition heatmap per method. Columns without exams are drawn as 0 (see the CSV). */
    public static Figure heatmaps(RankLeads.Outcome outcome) {
        List<HeatMapChart> panels = new ArrayList<>();
        for (MethodImportance average : outcome.averages()) {
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

    /** Each lead's median bootstrap rank with its 95 % interval, leads in rank order. */
    public static XYChart rankIntervals(RankingStability stability) {
        List<RankingStability.LeadStability> leads = stability.leads();
        double[] x = new double[leads.size()];
        double[] median = new double[leads.size()];
        double[] low = new double[leads.size()];
        double[] high = new double[leads.size()];
        for (int i = 0; i < leads.size(); i++) {
            x[i] = i + 1;
            median[i] = leads.get(i).medianRank();
            low[i] = leads.get(i).lowRank();
            high[i] = leads.get(i).highRank();
        }
        XYChart chart = Plots.lines("Bootstrap rank (median, 95% interval)", "Lead (ranked on all exams)", "Rank",
                List.of(Plots.Line.of("median rank", x, median).withInterval(low, high)));
        chart.setCustomXAxisTickLabelsFormatter(v -> {
            int i = (int) Math.round(v) - 1;
            return i >= 0 && i < leads.size() && Math.abs(v - Math.round(v)) < 1e-9 ? leads.get(i).lead().label() : "";
        });
        chart.getStyler().setYAxisDecimalPattern("0").setLegendVisible(false);
        return chart;
    }

    /** Kendall's τ between every pair of rankers as a symmetric matrix (1 on the diagonal). */
    public static HeatMapChart agreementHeatmap(RankingStability stability) {
        List<String> names = new ArrayList<>();
        for (RankingStability.MethodAgreement a : stability.agreements()) {
            for (String name : List.of(a.first(), a.second())) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        double[][] tau = new double[names.size()][names.size()];
        for (int i = 0; i < names.size(); i++) {
            tau[i][i] = 1;
        }
        for (RankingStability.MethodAgreement a : stability.agreements()) {
            int i = names.indexOf(a.first());
            int j = names.indexOf(a.second());
            double v = Double.isNaN(a.tau()) ? 0 : a.tau();
            tau[i][j] = v;
            tau[j][i] = v;
        }
        List<String> shortNames = names.stream().map(RankingReport::shortName).toList();
        return Plots.heatmap("Kendall's tau between methods", shortNames, shortNames, tau);
    }

    /** The command-line key of a method's title ("ig"), or the name itself ("Fused"), for axis labels. */
    private static String shortName(String title) {
        return Arrays.stream(ImportanceMethod.values()).filter(m -> m.title().equals(title)).findFirst()
                .map(ImportanceMethod::key).orElse(title.toLowerCase(Locale.ROOT));
    }

    /** Per lead, the share of exams whose own ranking puts it first, and in their Top-3. */
    static org.knowm.xchart.CategoryChart perExamBars(List<PerExamRanking.ExamRanking> rankings) {
        int[] first = PerExamRanking.countInTop(rankings, 1);
        int[] top3 = PerExamRanking.countInTop(rankings, 3);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("ranked first", Arrays.stream(first).mapToDouble(n -> (double) n / rankings.size()).toArray());
        series.put("in the exam's Top-3", Arrays.stream(top3).mapToDouble(n -> (double) n / rankings.size()).toArray());
        return Plots.bars("Patient-specific rankings (" + rankings.size() + " exams)", "Lead", "Share of exams",
                Arrays.stream(Lead.values()).map(Lead::label).toList(), series);
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

    private static Path writePerExam(List<PerExamRanking.ExamRanking> rankings, Path file) {
        List<String> columns = new ArrayList<>(List.of("exam_id"));
        for (int r = 1; r <= Lead.COUNT; r++) {
            columns.add("rank" + r);
        }
        Arrays.stream(Lead.values()).forEach(l -> columns.add("score_" + l.label()));
        Tables.Builder table = Tables.builder("per-exam", columns.toArray(String[]::new));
        for (PerExamRanking.ExamRanking ranking : rankings) {
            List<Object> row = new ArrayList<>(List.of(Long.toString(ranking.examId())));
            ranking.order().forEach(l -> row.add(l.label()));
            Arrays.stream(ranking.finalScores()).forEach(row::add);
            table.row(row.toArray());
        }
        return Tables.saveCsv(table.build(), file);
    }
}
