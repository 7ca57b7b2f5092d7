package org.ecgleadlab.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecgleadlab.bench.BenchCsv;
import org.ecgleadlab.report.Tables;
import org.ecgleadlab.util.ProjectPaths;
import tech.tablesaw.api.Table;

/**
 * {@code spark bench}'s figures from its {@link ScalingRow}s: exams/s; speed-up over the same job on
 * {@code local[1]} (one Spark core); efficiency = speed-up / cores; Spark's overhead = wall time over the single
 * JVM's, minus 1. As a printed table and as rows appended to {@code runs/bench/spark-scaling.csv}, a sibling of
 * {@link BenchCsv}'s table with its machine columns; a file with another header is refused.
 */
final class ScalingTable {
    /** The columns, in order. */
    static final List<String> HEADER = List.of("time", "host", "machine_cores", "load_1min", "job", "mode", "master",
            "cores", "exams", "wall_s", "exams_per_s", "speedup_vs_local1", "efficiency", "overhead_vs_single",
            "same_order_as_single", "max_diff_vs_single");
    /** The one-core Spark mode speed-ups are measured against. */
    static final String BASE_MODE = "local1";

    private final List<ScalingRow> rows;

    ScalingTable(List<ScalingRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The table of this checkout: {@code runs/bench/spark-scaling.csv}. */
    static Path defaultCsv() {
        return ProjectPaths.runs().resolve("bench").resolve("spark-scaling.csv");
    }

    /** Refuses a table with another header before minutes of measuring. */
    static void checkAppendable(Path csv) {
        BenchCsv.existingRows(csv, HEADER);
    }

    /** Speed-up of {@code row} over its job on local[1]; empty without that run. */
    Optional<Double> speedup(ScalingRow row) {
        return find(row.job(), BASE_MODE).map(base -> row.examsPerSecond() / base.examsPerSecond());
    }

    /** Speed-up per core; empty without local[1]. */
    Optional<Double> efficiency(ScalingRow row) {
        return speedup(row).map(s -> s / row.cores());
    }

    /** Wall time over the single JVM's, minus 1 (0.15 = 15 % slower); empty without a single run. */
    Optional<Double> overhead(ScalingRow row) {
        return find(row.job(), ScalingMode.SINGLE).map(single -> row.wallSeconds() / single.wallSeconds() - 1);
    }

    private Optional<ScalingRow> find(String job, String mode) {
        return rows.stream().filter(r -> r.job().equals(job) && r.mode().equals(mode)).findFirst();
    }

    /** The printed table. */
    Table table() {
        Tables.Builder table = Tables.builder("Strong scaling (" + BenchCsv.hostName() + ", load "
                        + BenchCsv.format(BenchCsv.loadAverage()) + " at the end)", "job", "mode", "cores", "exams",
                "wall s", "exams/s", "speed-up vs local[1]", "efficiency", "overhead vs single", "same as single");
        for (ScalingRow row : rows) {
            table.row(row.job(), row.mode(), row.cores(), row.exams(), text(row.wallSeconds(), "%.1f"),
                    text(row.examsPerSecond(), "%.2f"), speedup(row).map(s -> text(s, "%.2f×")).orElse("-"),
                    efficiency(row).map(e -> text(e, "%.2f")).orElse("-"),
                    overhead(row).map(o -> text(100 * o, "%+.0f %%")).orElse("-"), agreement(row));
        }
        return table.build();
    }

    /** The CSV rows, in {@link #HEADER}'s order. */
    List<List<String>> csvRows() {
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<List<String>> lines = new ArrayList<>();
        for (ScalingRow row : rows) {
            lines.add(List.of(time, BenchCsv.hostName(), Integer.toString(Runtime.getRuntime().availableProcessors()),
                    BenchCsv.format(BenchCsv.loadAverage()), row.job(), row.mode(), row.master(),
                    Integer.toString(row.cores()), Integer.toString(row.exams()), text(row.wallSeconds(), "%.3f"),
                    text(row.examsPerSecond(), "%.4f"), speedup(row).map(s -> text(s, "%.4f")).orElse(""),
                    efficiency(row).map(e -> text(e, "%.4f")).orElse(""),
                    overhead(row).map(o -> text(o, "%.4f")).orElse(""),
                    row.sameOrder() == null ? "" : row.sameOrder().toString(),
                    Double.isNaN(row.maxDiff()) ? "" : text(row.maxDiff(), "%.2e")));
        }
        return lines;
    }

    /** Appends {@link #csvRows()} to {@code csv}. */
    void append(Path csv) {
        BenchCsv.append(csv, HEADER, csvRows());
    }

    private static String agreement(ScalingRow row) {
        if (row.sameOrder() == null || row.mode().equals(ScalingMode.SINGLE)) {
            return "-";
        }
        return (row.sameOrder() ? "same order" : "OTHER ORDER") + ", max diff " + text(row.maxDiff(), "%.1e");
    }

    private static String text(double value, String format) {
        return String.format(Locale.ROOT, format, value);
    }
}
