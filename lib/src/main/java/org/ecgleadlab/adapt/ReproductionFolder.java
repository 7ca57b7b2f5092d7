package org.ecgleadlab.adapt;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.ecgleadlab.metrics.MetricInterval;
import org.ecgleadlab.metrics.MultiLabelMetrics;
import org.ecgleadlab.report.Plots;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.report.TableFormat;
import org.ecgleadlab.util.EcgLabException;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The output folder of {@code reproduce-tables} ({@link TableReproduction#run}) read back: its tables, figures,
 * provenance and every metric with its interval, so a notebook or a report can show a finished grid without training
 * or scoring anything again.
 */
public final class ReproductionFolder {
    /** The tables written by {@link TableReproduction#run}, by file stem, in the order they are printed. */
    public static final List<String> TABLES = List.of("table1", "table1-intervals", "paired-tests", "table2");
    /** The figures written beside them (PNG and SVG), by file stem. */
    public static final List<String> FIGURES = List.of("f1-vs-leads", "per-class-f1");

    private static final Map<String, String> CAPTIONS = Map.of(
            "table1", "Table 1. Per-class F1 and overall metrics per lead subset and adaptation strategy",
            "table1-intervals", "Table 1 with 95 % bootstrap confidence intervals",
            "paired-tests", "Each adapted model against the 12-lead baseline (paired bootstrap on the same exams)",
            "table2", "Table 2. Ablation: 12-lead baseline vs Top-2 vs Bottom-3 (reduced channels)");
    private static final String METRICS_FILE = "metrics.csv";
    private static final String PROVENANCE_FILE = "provenance.json";
    /** Table 2's overall columns and the metric each shows. */
    private static final Map<String, String> ABLATION_METRICS = orderedMap(
            "F1", MultiLabelMetrics.MACRO_F1, "Accuracy", MultiLabelMetrics.MACRO_ACCURACY,
            "Recall", MultiLabelMetrics.MACRO_RECALL);

    private final Path folder;

    private ReproductionFolder(Path folder) {
        this.folder = folder;
    }

    /** Whether {@code folder} holds a finished reproduction (its Table 1 and provenance). */
    public static boolean isPresent(Path folder) {
        return Files.isRegularFile(folder.resolve("table1.csv")) && Files.isRegularFile(folder.resolve(PROVENANCE_FILE));
    }

    /** Opens {@code folder}, or explains how to fill it. */
    public static ReproductionFolder open(Path folder) {
        if (!isPresent(folder)) {
            throw new EcgLabException(folder + ": no table1.csv and " + PROVENANCE_FILE + "; run ./jbang "
                    + "reproduce-tables (its --output) to write them");
        }
        return new ReproductionFolder(folder);
    }

    public Path folder() {
        return folder;
    }

    /** What produced the results: data, baseline checkpoint, seeds, profile, subsets, git revision. */
    public Provenance provenance() {
        return Provenance.read(folder.resolve(PROVENANCE_FILE));
    }

    /** The table {@code stem} (one of {@link #TABLES}) as written, full precision, under its caption. */
    public Table table(String stem) {
        Table table = readCsv(stem + ".csv");
        table.setName(CAPTIONS.getOrDefault(stem, stem));
        return table;
    }

    /** How {@code stem} is printed: three decimals, best of our rows highlighted in Tables 1 and 2. */
    public static TableFormat format(String stem) {
        return switch (stem) {
            case "table1" -> ReproductionTables.FORMAT;
            case "table2" -> ReproductionTables.table2Format();
            default -> TableFormat.decimals(3);
        };
    }

    /** The figure {@code stem} (one of {@link #FIGURES}) as drawn by the reproduction. */
    public BufferedImage figure(String stem) {
        Path png = folder.resolve(stem + ".png");
        try {
            BufferedImage image = Files.isRegularFile(png) ? ImageIO.read(png.toFile()) : null;
            if (image == null) {
                throw new EcgLabException(png + ": missing or not a PNG; run ./jbang reproduce-tables again to redraw it");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + png + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every metric of the run of {@code subset} ("12-lead", "Top-2", "Bottom-3") with {@code strategy}, with its
     * 95 % interval; empty when the grid has no such run.
     */
    public Map<String, MetricInterval> intervals(String subset, Strategy strategy) {
        Map<String, MetricInterval> intervals = new LinkedHashMap<>();
        for (Row row : readCsv(METRICS_FILE)) {
            if (row.getString("subset").equals(subset) && row.getString("strategy").equals(strategy.cliName())) {
                String metric = row.getString("metric");
                intervals.put(metric, new MetricInterval(metric, row.getNumber("estimate"), row.getNumber("lower_95"),
                        row.getNumber("upper_95"), 0.95));
            }
        }
        return intervals;
    }

    /**
     * Table 2 as a picture: macro F1, accuracy and recall of the 12-lead baseline, Top-2 and Bottom-3 (reduced
     * channels), each with its 95 % bootstrap interval drawn as a symmetric error bar of the larger half.
     */
    public CategoryChart ablationChart() {
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, double[]> errors = new LinkedHashMap<>();
        addAblationSeries(LeadSubset.ALL_LEADS, Strategy.BASELINE_12_LEAD, "12-lead baseline", values, errors);
        addAblationSeries("Top-2", Strategy.REDUCED_CHANNELS, "Top-2, reduced channels", values, errors);
        addAblationSeries("Bottom-3", Strategy.REDUCED_CHANNELS, "Bottom-3, reduced channels", values, errors);
        if (values.isEmpty()) {
            throw new EcgLabException(folder.resolve(METRICS_FILE) + ": no 12-lead, Top-2 or Bottom-3 run; run the"
                    + " whole grid with ./jbang reproduce-tables");
        }
        CategoryChart chart = Plots.barsWithErrors("Ablation (Table 2) with 95 % bootstrap intervals", "metric",
                "macro average over the 6 classes", new ArrayList<>(ABLATION_METRICS.keySet()), values, errors);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return chart;
    }

    private void addAblationSeries(String subset, Strategy strategy, String label, Map<String, double[]> values,
                                   Map<String, double[]> errors) {
        Map<String, MetricInterval> intervals = intervals(subset, strategy);
        if (intervals.isEmpty()) {
            return;
        }
        List<MetricInterval> shown = ABLATION_METRICS.values().stream().map(m -> Optional.ofNullable(intervals.get(m))
                .orElseThrow(() -> new EcgLabException(folder.resolve(METRICS_FILE) + ": run " + subset + " / "
                        + strategy.cliName() + " has no metric " + m + "; write the folder with this version"))).toList();
        values.put(label, shown.stream().mapToDouble(MetricInterval::estimate).toArray());
        errors.put(label, shown.stream()
                .mapToDouble(i -> Math.max(i.estimate() - i.lower(), i.upper() - i.estimate())).toArray());
    }

    private Table readCsv(String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new EcgLabException(file + ": missing; run ./jbang reproduce-tables again to write it");
        }
        // Numbers as doubles even when a column happens to hold only whole values (0.0 would read as an integer and
        // then be printed without decimals and never highlighted); everything else as text.
        return Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
                .columnTypesToDetect(List.of(ColumnType.DOUBLE, ColumnType.STRING)));
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
