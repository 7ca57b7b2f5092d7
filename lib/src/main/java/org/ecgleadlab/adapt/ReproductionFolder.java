package org.ecgleadlab.adapt;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.ecgleadlab.adapt.AdaptationResults.RunResult;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.SplitMembership;
import org.ecgleadlab.metrics.MetricInterval;
import org.ecgleadlab.metrics.MultiLabelMetrics;
import org.ecgleadlab.report.Figure;
import org.ecgleadlab.report.Plots;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.report.TableFormat;
import org.ecgleadlab.report.Tables;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The output folder of {@code reproduce-tables}: what each file is called and holds. {@link ReproduceTables} writes it
 * through {@link #write}; a notebook or a report reads it back ({@link #open}): its tables, figures, provenance and
 * every metric with its interval, without training or scoring anything again.
 */
public final class ReproductionFolder {
    /**
     * A table of the folder.
     *
     * @param stem    the file name without extension ("table1"): a {@code .csv} at full precision, a {@code .md} as
     *                printed
     * @param caption printed above it (a CSV file keeps none, so the reader puts it back)
     * @param builder how it is built from the runs' results
     * @param format  how it is printed: three decimals, best of our rows highlighted in Tables 1 and 2
     */
    public record TableFile(String stem, String caption, Function<List<RunResult>, Table> builder,
                            TableFormat format) {
        public static final TableFile TABLE1 = new TableFile("table1", PaperTables.TABLE1_CAPTION,
                PaperTables::table1, PaperTables.FORMAT);
        public static final TableFile TABLE1_INTERVALS = new TableFile("table1-intervals",
                PaperTables.TABLE1_INTERVALS_CAPTION, PaperTables::table1Intervals, TableFormat.decimals(3));
        public static final TableFile PAIRED_TESTS = new TableFile("paired-tests", PaperTables.PAIRED_TESTS_CAPTION,
                PaperTables::pairedTests, TableFormat.decimals(3));
        public static final TableFile TABLE2 = new TableFile("table2", PaperTables.TABLE2_CAPTION,
                PaperTables::table2, PaperTables.table2Format());
        /** Every table of a reproduction, in the order they are printed. */
        public static final List<TableFile> ALL = List.of(TABLE1, TABLE1_INTERVALS, PAIRED_TESTS, TABLE2);

        /** This table of {@code results}, under its caption. */
        public Table build(List<RunResult> results) {
            return builder.apply(results);
        }

        /** Every table of {@code results}, in printing order. */
        public static Map<TableFile, Table> buildAll(List<RunResult> results) {
            Map<TableFile, Table> tables = new LinkedHashMap<>();
            ALL.forEach(file -> tables.put(file, file.build(results)));
            return tables;
        }
    }

    /**
     * A figure of the folder, saved as PNG and SVG under its {@code stem}, linked from the report under its
     * {@code title}.
     */
    public record FigureFile(String stem, String title, Function<List<RunResult>, Figure> drawing) {
        public static final FigureFile F1_VS_LEADS = new FigureFile("f1-vs-leads", "F1 vs leads",
                AdaptationPlots::f1VersusLeads);
        public static final FigureFile PER_CLASS_F1 = new FigureFile("per-class-f1", "Per-class F1",
                AdaptationPlots::perClassF1);
        /** Every figure, in the report's order. */
        public static final List<FigureFile> ALL = List.of(F1_VS_LEADS, PER_CLASS_F1);

        private String markdownLink() {
            return "![" + title + "](" + stem + ".png)";
        }
    }

    /** The default folder's name under {@code runs/} for --help: {@code reproduce-tables-<profile>}. */
    public static final String DEFAULT_NAME = "reproduce-tables-<profile>";

    /** The folder {@code reproduce-tables} writes without -o: {@code runs/reproduce-tables-PROFILE} of the project. */
    public static Path defaultFolder(String profile) {
        return ProjectPaths.runs().resolve(DEFAULT_NAME.replace("<profile>", profile));
    }

    /** Which exams of the test pool are in which half; written first, before any run. */
    static final String HALVES_FILE = "test-pool-halves.csv";
    /** Every metric of every run with its interval, one row per (run, metric): for other tools. */
    static final String METRICS_FILE = "metrics.csv";
    static final String REPORT_FILE = "report.md";
    static final String PROVENANCE_FILE = "provenance.json";
    /** Table 2's overall columns drawn by {@link #ablationChart()}, and the metric each shows. */
    private static final List<String> ABLATION_COLUMNS = List.of(PaperTables.F1, PaperTables.ACCURACY,
            PaperTables.RECALL);
    private static final List<String> ABLATION_METRICS = List.of(MultiLabelMetrics.MACRO_F1,
            MultiLabelMetrics.MACRO_ACCURACY, MultiLabelMetrics.MACRO_RECALL);

    /** The columns of {@value #METRICS_FILE} in file order, each headed by its name in lower case ("lower_95"). */
    private enum MetricsColumn {
        SUBSET, LEADS, STRATEGY, RUN_KEY, METRIC, ESTIMATE, LOWER_95, UPPER_95;

        String header() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Path folder;

    private ReproductionFolder(Path folder) {
        this.folder = folder;
    }

    /** Writes which exams of the test pool the grid scores (the evaluation half) and which it leaves to the ranking. */
    static void writeHalves(Path output, SplitMembership halves) {
        halves.save(output.resolve(HALVES_FILE));
    }

    /** Writes the tables, the metrics in long form, the figures, a report ending in {@code notes}, the provenance. */
    static void write(Path output, List<RunResult> results, Map<TableFile, Table> tables, List<String> notes,
                      Provenance provenance) {
        tables.forEach((file, table) -> {
            Tables.saveCsv(table, output.resolve(file.stem() + ".csv"));
            Tables.saveMarkdown(table, output.resolve(file.stem() + ".md"), file.format());
        });
        Tables.saveCsv(allMetrics(results), output.resolve(METRICS_FILE));
        FigureFile.ALL.forEach(figure -> figure.drawing().apply(results).save(output.resolve(figure.stem())));
        AtomicFiles.writeString(output.resolve(REPORT_FILE), report(tables, notes));
        provenance.write(output.resolve(PROVENANCE_FILE));
    }

    private static Table allMetrics(List<RunResult> results) {
        Tables.Builder table = Tables.builder("metrics",
                Arrays.stream(MetricsColumn.values()).map(MetricsColumn::header).toArray(String[]::new));
        for (RunResult r : results) {
            for (MetricInterval m : r.intervals().values()) {
                table.row(r.spec().subset().name(), Lead.join(r.spec().subset().leads()), r.spec().strategy().cliName(),
                        r.spec().key(), m.metric(), m.estimate(), m.lower(), m.upper());
            }
        }
        return table.build();
    }

    private static String report(Map<TableFile, Table> tables, List<String> notes) {
        StringBuilder md = new StringBuilder("# Reduced-lead adaptation: Tables 1 and 2\n\n");
        tables.forEach((file, table) -> md.append(Tables.markdown(table, file.format())).append('\n'));
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append('\n').append(FigureFile.ALL.stream().map(FigureFile::markdownLink)
                .collect(Collectors.joining("\n\n"))).append('\n');
        return md.toString();
    }

    /** Whether {@code folder} holds a finished reproduction (its Table 1 and provenance). */
    public static boolean isPresent(Path folder) {
        return Files.isRegularFile(folder.resolve(TableFile.TABLE1.stem() + ".csv"))
                && Files.isRegularFile(folder.resolve(PROVENANCE_FILE));
    }

    /** Opens {@code folder}, or explains how to fill it. */
    public static ReproductionFolder open(Path folder) {
        if (!isPresent(folder)) {
            throw new EcgLabException(folder + ": no " + TableFile.TABLE1.stem() + ".csv and " + PROVENANCE_FILE
                    + "; run ./jbang reproduce-tables (its --output) to write them");
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

    /** The table as written, full precision, under its caption. */
    public Table table(TableFile file) {
        Table table = readCsv(file.stem() + ".csv");
        table.setName(file.caption());
        return table;
    }

    /** Prints the table under its caption, in its format (as {@code reproduce-tables} printed it). */
    public void print(TableFile file) {
        Tables.print(table(file), file.format());
    }

    /** The figure as drawn by the reproduction. */
    public BufferedImage figure(FigureFile file) {
        Path png = folder.resolve(file.stem() + ".png");
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
            if (row.getString(MetricsColumn.SUBSET.header()).equals(subset)
                    && row.getString(MetricsColumn.STRATEGY.header()).equals(strategy.cliName())) {
                String metric = row.getString(MetricsColumn.METRIC.header());
                intervals.put(metric, new MetricInterval(metric, row.getNumber(MetricsColumn.ESTIMATE.header()),
                        row.getNumber(MetricsColumn.LOWER_95.header()), row.getNumber(MetricsColumn.UPPER_95.header()),
                        0.95));
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
                "macro average over the 6 classes", ABLATION_COLUMNS, values, errors);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        return chart;
    }

    private void addAblationSeries(String subset, Strategy strategy, String label, Map<String, double[]> values,
                                   Map<String, double[]> errors) {
        Map<String, MetricInterval> intervals = intervals(subset, strategy);
        if (intervals.isEmpty()) {
            return;
        }
        List<MetricInterval> shown = ABLATION_METRICS.stream().map(m -> Optional.ofNullable(intervals.get(m))
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
}
