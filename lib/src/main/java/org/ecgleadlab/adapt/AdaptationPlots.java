package org.ecgleadlab.adapt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.adapt.AdaptationResults.RunResult;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.metrics.MetricInterval;
import org.ecgleadlab.metrics.MultiLabelMetrics;
import org.ecgleadlab.report.Figure;
import org.ecgleadlab.report.Plots;
import org.knowm.xchart.CategoryChart;

/** The grid's figures: macro F1 against the number of leads per strategy, and per-class F1 bars per strategy. */
public final class AdaptationPlots {
    private AdaptationPlots() {
    }

    /**
     * Macro F1 (with its 95 % interval dashed) against the number of leads of the Top-k subsets, one line per
     * strategy, and the 12-lead baseline as a flat reference line.
     */
    public static Figure f1VersusLeads(List<RunResult> results) {
        List<Plots.Line> lines = new ArrayList<>();
        for (Strategy strategy : Strategy.ADAPTATIONS) {
            List<RunResult> runs = topRuns(results, strategy);
            if (runs.isEmpty()) {
                continue;
            }
            double[] x = runs.stream().mapToDouble(r -> r.spec().subset().size()).toArray();
            lines.add(Plots.Line.of(strategy.paperName(), x, values(runs, i -> i.estimate()))
                    .withInterval(values(runs, MetricInterval::lower), values(runs, MetricInterval::upper)));
        }
        results.stream().filter(RunResult::isBaseline).findFirst().ifPresent(baseline -> {
            double f1 = baseline.value(MultiLabelMetrics.MACRO_F1);
            double[] span = lines.stream().flatMapToDouble(l -> Arrays.stream(l.x())).sorted().toArray();
            double[] x = span.length == 0 ? new double[] {1, 3} : new double[] {span[0], span[span.length - 1]};
            lines.add(Plots.Line.of("12-lead baseline", x, new double[] {f1, f1}));
        });
        return Figure.of(Plots.lines("Macro F1 vs number of leads (Top-k subsets)", "number of leads", "macro F1",
                lines));
    }

    /** One panel per strategy: per-class F1 of each subset, the 12-lead baseline beside them. */
    public static Figure perClassF1(List<RunResult> results) {
        List<String> conditions = Arrays.stream(Condition.values()).map(Condition::column).toList();
        RunResult baseline = results.stream().filter(RunResult::isBaseline).findFirst().orElse(null);
        List<CategoryChart> panels = new ArrayList<>();
        for (Strategy strategy : Strategy.ADAPTATIONS) {
            Map<String, double[]> series = new LinkedHashMap<>();
            Map<String, double[]> errors = new LinkedHashMap<>();
            for (RunResult r : results) {
                if (r.spec().strategy() == strategy) {
                    put(series, errors, PaperTables.subsetLabel(r.spec().subset()), r);
                }
            }
            if (series.isEmpty()) {
                continue;
            }
            if (baseline != null) {
                put(series, errors, "12-lead baseline", baseline);
            }
            panels.add(Plots.barsWithErrors(strategy.paperName(), "condition", "F1", conditions, series, errors));
        }
        return Figure.grid("Per-class F1 (error bars: larger half-width of the 95 % bootstrap interval)", 2, panels);
    }

    private static void put(Map<String, double[]> series, Map<String, double[]> errors, String name, RunResult r) {
        double[] f1 = new double[Condition.COUNT];
        double[] error = new double[Condition.COUNT];
        for (Condition c : Condition.values()) {
            MetricInterval interval = r.intervals().get(MultiLabelMetrics.f1Key(c));
            f1[c.index()] = interval.estimate();
            error[c.index()] = Math.max(interval.upper() - interval.estimate(), interval.estimate() - interval.lower());
        }
        series.put(name, f1);
        errors.put(name, error);
    }

    private static List<RunResult> topRuns(List<RunResult> results, Strategy strategy) {
        return results.stream()
                .filter(r -> r.spec().strategy() == strategy && r.spec().subset().name().startsWith("Top"))
                .sorted((a, b) -> Integer.compare(a.spec().subset().size(), b.spec().subset().size()))
                .toList();
    }

    private static double[] values(List<RunResult> runs, java.util.function.ToDoubleFunction<MetricInterval> part) {
        return runs.stream().mapToDouble(r -> part.applyAsDouble(r.intervals().get(MultiLabelMetrics.MACRO_F1)))
                .toArray();
    }
}
