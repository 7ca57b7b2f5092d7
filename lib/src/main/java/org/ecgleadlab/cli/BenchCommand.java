package org.ecgleadlab.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.model.ModelBenchmark;
import org.ecgleadlab.model.ModelBenchmark.Series;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jbang bench}: speed of this machine for ECG Lead Lab, median of several runs with min–max and peak
 * memory, printed and appended to a CSV (one row per figure) so machines can be compared.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure matmul peak and LGA-ECG inference / training throughput on this machine (CPU or GPU).")
public final class BenchCommand implements Callable<Integer> {
    /** What can be measured. */
    enum Figure {
        MATMUL, INFERENCE, TRAINING, INPUT_GRADIENT;

        /** The option spelling: lower case with a hyphen. */
        String option() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Figure parse(String text) {
            for (Figure figure : values()) {
                if (figure.option().equals(text.trim().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                    return figure;
                }
            }
            throw new EcgLabException("--only " + text + ": not a figure; use matmul, inference, training, input-gradient");
        }
    }

    static final List<String> CSV_HEADER = List.of("time", "host", "device", "cores", "threads", "load_1min",
            "figure", "unit", "median", "min", "max", "gflop_per_s", "runs", "batch", "leads",
            "peak_heap_mb", "peak_rss_mb");

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--threads", description = "libtorch intra-op threads (default: one per idle core, see Devices.fitThreadsToLoad)")
    Integer threads;

    @Option(names = "--batch", defaultValue = "32", description = "exams per batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--leads", defaultValue = "12", description = "input leads of the model (default: ${DEFAULT-VALUE})")
    int leads;

    @Option(names = "--runs", defaultValue = "5", description = "timed runs per figure; the median is reported (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--steps", defaultValue = "3", description = "batches per run (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "untimed batches before each figure (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--matmul-size", defaultValue = "2048", description = "n of the n × n matmul (default: ${DEFAULT-VALUE})")
    int matmulSize;

    @Option(names = "--only", split = ",", description = "figures to measure: matmul, inference, training, input-gradient (default: all)")
    List<String> only = List.of("matmul", "inference", "training", "input-gradient");

    @Option(names = "--csv", description = "CSV to append the rows to (default: runs/bench/bench.csv)")
    Path csv;

    private final PrintStream out = System.out;

    @Override
    public Integer call() {
        if (batch < 1 || runs < 1 || steps < 1 || warmup < 0) {
            throw new EcgLabException("--batch, --runs and --steps must be at least 1, --warmup at least 0");
        }
        Device chosen = Devices.parse(device);
        if (threads != null) {
            Devices.setIntraOpThreads(threads);
        } else {
            Devices.fitThreadsToLoad();
        }
        EnumSet<Figure> figures = EnumSet.noneOf(Figure.class);
        only.forEach(text -> figures.add(Figure.parse(text)));
        Path table = csv != null ? csv : ProjectPaths.runs().resolve("bench").resolve("bench.csv");
        existingRows(table); // a foreign CSV fails here, before minutes of measuring
        out.printf(Locale.ROOT, "machine: %d cores, device %s, %s %s, intra-op threads %d, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), chosen, Engine.getInstance().getEngineName(),
                Engine.getInstance().getVersion(), Devices.intraOpThreads(), loadAverage());
        List<List<String>> rows = new ArrayList<>();
        long total = figures.stream().mapToLong(f -> warmup + (long) runs * steps).sum();
        try (ProgressBar progress = new ProgressBarBuilder().setTaskName("bench").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
                LgaEcgModel model = LgaEcgModel.create(leads, chosen, 1)) {
            Runnable step = progress::step;
            ModelBenchmark bench = new ModelBenchmark(model, batch, step);
            for (Figure figure : figures) {
                progress.setExtraMessage(figure.option());
                switch (figure) {
                    case MATMUL:
                        rows.add(report(chosen, "matmul " + matmulSize, "GFLOP/s", 1,
                                ModelBenchmark.matmul(model.manager(), matmulSize, warmup, runs, steps, step)));
                        break;
                    case INFERENCE:
                        rows.add(report(chosen, "inference", "samples/s", ModelBenchmark.FORWARD_GFLOP_PER_SAMPLE,
                                bench.inference(warmup, runs, steps)));
                        break;
                    case TRAINING:
                        rows.add(report(chosen, "training", "samples/s", 3 * ModelBenchmark.FORWARD_GFLOP_PER_SAMPLE,
                                bench.training(warmup, runs, steps)));
                        break;
                    default:
                        rows.add(report(chosen, "input-gradient", "samples/s", 2 * ModelBenchmark.FORWARD_GFLOP_PER_SAMPLE,
                                bench.inputGradient(warmup, runs, steps)));
                }
            }
        }
        appendRows(table, rows);
        out.println("appended " + rows.size() + " rows to " + table);
        return 0;
    }

    /** Prints one figure and returns its CSV row; {@code gflopPerItem} turns the rate into GFLOP/s. */
    private List<String> report(Device chosen, String figure, String unit, double gflopPerItem, Series series) {
        double gflops = series.median() * gflopPerItem;
        out.printf(Locale.ROOT, "%-16s %8.1f %-9s (min %.1f, max %.1f)  %6.1f GFLOP/s  peak heap %d MB, peak RSS %d MB%n",
                figure, series.median(), unit, series.min(), series.max(), gflops,
                megabytes(series.peakHeapBytes()), megabytes(series.peakRssBytes()));
        out.println("                 live heap after each run (MB): " + joined(series.heapBytes())
                + "; RSS (MB): " + joined(series.rssBytes()));
        return List.of(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), hostName(), chosen.toString(),
                Integer.toString(Runtime.getRuntime().availableProcessors()),
                Integer.toString(Devices.intraOpThreads()), format(loadAverage()), figure, unit,
                format(series.median()), format(series.min()), format(series.max()), format(gflops),
                Integer.toString(runs), Integer.toString(batch), Integer.toString(leads),
                Long.toString(megabytes(series.peakHeapBytes())), Long.toString(megabytes(series.peakRssBytes())));
    }

    /** Appends {@code rows} to {@code table} (written whole through a temporary file), header first if new. */
    static void appendRows(Path table, List<List<String>> rows) {
        String existing = existingRows(table);
        try {
            StringWriter text = new StringWriter();
            CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
            try (CSVPrinter printer = new CSVPrinter(text, format)) {
                if (existing.isEmpty()) {
                    printer.printRecord(CSV_HEADER);
                }
                for (List<String> row : rows) {
                    printer.printRecord(row);
                }
            }
            AtomicFiles.writeString(table, existing + text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + table + ": " + e.getMessage(), e);
        }
    }

    /** The current content of {@code table} ("" when new), refused when its header is not ours. */
    private static String existingRows(Path table) {
        String existing;
        try {
            existing = Files.isRegularFile(table) ? Files.readString(table, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + table + ": " + e.getMessage(), e);
        }
        String header = String.join(",", CSV_HEADER);
        if (!existing.isEmpty() && !existing.startsWith(header + "\n") && !existing.startsWith(header + "\r\n")) {
            throw new EcgLabException(table + ": header differs from this version's (" + header
                    + "); give another --csv or move the old file away");
        }
        return existing;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long megabytes(long bytes) {
        return bytes < 0 ? -1 : Math.round(bytes / 1048576.0);
    }

    private static String joined(long[] bytes) {
        return java.util.Arrays.stream(bytes).mapToObj(b -> Long.toString(megabytes(b))).collect(Collectors.joining(" "));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
