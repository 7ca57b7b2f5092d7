package org.ecgleadlab.explain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.report.Figure;
import org.ecgleadlab.report.Plots;
import org.ecgleadlab.report.Tables;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/** The bootstrap analysis of a ranking ({@link RankingStability}) as tables and figures. */
public final class StabilityReport {
    private StabilityReport() {
    }

    /** Each lead's bootstrap rank interval and how often it is first or in the Top-3. */
    public static Table rankTable(RankingStability stability) {
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

    /** Writes {@code stability.csv}, {@code method-agreement.csv} and the two-panel {@code stability} figure. */
    static List<Path> write(RankingStability stability, Path folder) {
        List<Path> written = new ArrayList<>();
        written.add(Tables.saveCsv(rankTable(stability), folder.resolve("stability.csv")));
        written.add(Tables.saveCsv(agreementTable(stability), folder.resolve("method-agreement.csv")));
        written.addAll(Figure.grid("Ranking stability", 2, List.of(rankIntervals(stability),
                agreementHeatmap(stability))).save(folder.resolve("stability")));
        return written;
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
        List<String> shortNames = names.stream().map(StabilityReport::shortName).toList();
        return Plots.heatmap("Kendall's tau between methods", shortNames, shortNames, tau);
    }

    /** The command-line key of a method's title ("ig"), or the name itself ("Fused"), for axis labels. */
    private static String shortName(String title) {
        return Arrays.stream(ImportanceMethod.values()).filter(m -> m.title().equals(title)).findFirst()
                .map(ImportanceMethod::key).orElse(title.toLowerCase(Locale.ROOT));
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
