package org.ecgleadlab.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.util.ProjectPaths;

/**
 * The table {@code bench --growth} appends to ({@code runs/bench/growth.csv} by default), a sibling of
 * {@link BenchCsv}'s with the same machine columns and one row per job and size; a file with another header is refused.
 */
public final class GrowthCsv {
    /** The columns, in order. */
    public static final List<String> HEADER = List.of("time", "host", "cores", "load_1min", "heap_limit", "layout",
            "size", "job", "exams", "wall_s", "exams_per_s", "first_batch_s", "peak_heap_mb", "peak_rss_mb",
            "exit_code");

    private GrowthCsv() {
    }

    /** The table of this checkout: {@code runs/bench/growth.csv}. */
    public static Path defaultTable() {
        return ProjectPaths.runs().resolve("bench").resolve("growth.csv");
    }

    /** Refuses a table with another header before minutes of measuring. */
    public static void checkAppendable(Path table) {
        BenchCsv.existingRows(table, HEADER);
    }

    /** Appends one row per {@code rows} entry, measured under {@code heap}. */
    public static void append(Path table, String heap, List<GrowthRow> rows) {
        List<List<String>> lines = new ArrayList<>();
        for (GrowthRow row : rows) {
            ChildRun run = row.run();
            lines.add(List.of(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), BenchCsv.hostName(),
                    Integer.toString(Runtime.getRuntime().availableProcessors()),
                    BenchCsv.format(BenchCsv.loadAverage()), heap, row.layout(), Integer.toString(row.size()),
                    row.job().command(), Integer.toString(row.exams()), BenchCsv.format(run.wallSeconds()),
                    BenchCsv.format(row.examsPerSecond()),
                    Double.isNaN(run.firstBatchSeconds()) ? "" : BenchCsv.format(run.firstBatchSeconds()),
                    Long.toString(Memory.megabytes(run.peakHeapBytes())),
                    Long.toString(Memory.megabytes(run.peakRssBytes())), Integer.toString(run.exitCode())));
        }
        BenchCsv.append(table, HEADER, lines);
    }
}
