package org.ecgleadlab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * {@code bench --growth}: the user-facing jobs at several dataset sizes, each in its own JVM under a heap limit
 * ({@link ChildRun}), so the cost of size shows: wall time, exams/s, start-up to the first batch, peak heap and peak
 * RSS. Datasets come from {@link GrowthData} (generated once, reused). Jobs run in {@link GrowthJob} order, so
 * subset-search compares against the ranking rank-leads just made at the same size.
 */
public final class GrowthBenchmark {
    private GrowthBenchmark() {
    }

    /** Runs every job at every size, printing a line per job as it finishes; returns the rows. */
    public static List<GrowthRow> run(GrowthOptions options, PrintStream out) {
        List<GrowthData.Dataset> datasets = new ArrayList<>();
        for (int size : options.sizes()) {
            datasets.add(GrowthData.code15(options.dataRoot(), size));
        }
        if (options.ptbxlRecords() > 0) {
            datasets.add(GrowthData.ptbxl(options.dataRoot(), options.ptbxlRecords()));
        }
        out.printf(Locale.ROOT, "%-7s %7s %-14s %7s %9s %9s %12s %10s %9s %s%n", "layout", "size", "job", "exams",
                "wall s", "exams/s", "first batch s", "heap MB", "RSS MB", "exit");
        List<GrowthRow> rows = new ArrayList<>();
        for (GrowthData.Dataset data : datasets) {
            Path work = options.work().resolve(data.layout() + "-" + data.size());
            for (GrowthJob job : GrowthJob.values()) {
                if (!options.jobs().contains(job)) {
                    continue;
                }
                // a job's earlier output would make it resume or refuse (train, subset-search): each run starts afresh
                deleteTree(job.output(work));
                ChildRun run = ChildRun.run(options.childMain(), options.heap(), job.args(data, work, options), work,
                        job.command());
                GrowthRow row = new GrowthRow(data.layout(), data.size(), job, job.exams(data, options), run);
                rows.add(row);
                print(row, out);
            }
        }
        summarise(rows, out);
        return rows;
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty " + folder + " for a new run: " + e.getMessage(), e);
        }
    }

    private static void print(GrowthRow row, PrintStream out) {
        ChildRun run = row.run();
        out.printf(Locale.ROOT, "%-7s %7d %-14s %7d %9.1f %9.2f %12s %10d %9d %d%s%n", row.layout(), row.size(),
                row.job().command(), row.exams(), run.wallSeconds(), row.examsPerSecond(),
                Double.isNaN(run.firstBatchSeconds()) ? "-" : String.format(Locale.ROOT, "%.1f",
                        run.firstBatchSeconds()), Memory.megabytes(run.peakHeapBytes()),
                Memory.megabytes(run.peakRssBytes()), run.exitCode(),
                run.exitCode() == 0 ? "" : "  " + run.errorTail());
    }

    /** The bounds per job: exams/s and RSS of the largest CODE size against the smallest. */
    private static void summarise(List<GrowthRow> rows, PrintStream out) {
        for (GrowthJob job : GrowthJob.values()) {
            List<GrowthRow> code = rows.stream().filter(r -> r.job() == job && r.layout().equals("code15")
                    && r.run().exitCode() == 0).toList();
            if (code.size() < 2) {
                continue;
            }
            GrowthRow small = code.get(0);
            GrowthRow large = code.get(code.size() - 1);
            out.printf(Locale.ROOT, "%-14s %d -> %d exams: exams/s x%.2f (goal >= 0.8), peak RSS %+.0f%% (goal within "
                    + "20%%)%n", job.command(), small.size(), large.size(),
                    large.examsPerSecond() / small.examsPerSecond(),
                    100.0 * (large.run().peakRssBytes() - small.run().peakRssBytes()) / small.run().peakRssBytes());
        }
        OptionalDouble ptbxlStart = rows.stream().filter(r -> r.layout().equals("ptbxl"))
                .mapToDouble(r -> r.run().firstBatchSeconds()).filter(s -> !Double.isNaN(s)).max();
        ptbxlStart.ifPresent(s -> out.printf(Locale.ROOT, "PTB-XL root: slowest start-up to the first batch %.1f s "
                + "(goal <= 10 s)%n", s));
    }

    /** Saves the figure of {@code rows} at {@code base}.png/.svg; returns the files, none when no job succeeded. */
    public static List<Path> plot(List<GrowthRow> rows, Path base) {
        boolean any = rows.stream().anyMatch(r -> r.layout().equals("code15") && r.run().exitCode() == 0);
        return any ? GrowthPlot.save(rows, base) : List.of();
    }
}
