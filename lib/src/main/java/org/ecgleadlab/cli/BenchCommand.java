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
import java.util.Arrays;
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
import org.ecgleadlab.bench.Memory;
import org.ecgleadlab.bench.RankingBenchmark;
import org.ecgleadlab.bench.ReadBenchmark;
import org.ecgleadlab.bench.StreamProcedure;
import org.ecgleadlab.bench.WfdbReadBenchmark;
import org.ecgleadlab.data.synthetic.SyntheticConfig;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.data.synthetic.SyntheticGenerator;
import org.ecgleadlab.explain.RankLeads;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.model.NativeAllocator;
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
        description = {"Measure matmul peak, LGA-ECG inference / training throughput, rank-leads throughput, HDF5 read "
                + "and WFDB read throughput on this machine (CPU or GPU).",
            "With --stream PATH: stream a big CODE dataset for a loading, a training-like and a ranking-like pass "
                + "instead (run with -Xmx1g to check memory stays bounded; see docs/scaling.md)."})
public final class BenchCommand implements Callable<Integer> {
    /** What can be measured. */
    enum Figure {
        MATMUL, INFERENCE, TRAINING, INPUT_GRADIENT, RANK_LEADS, HDF5, WFDB;

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
            throw new EcgLabException("--only " + text + ": not a figure; use matmul, inference, training, input-gradient, "
                    + "rank-leads, hdf5, wfdb");
        }
    }

    /** The small chunked+gzip part written by h5py for the reader's tests (jhdf cannot write chunked data). */
    static final String CHUNKED_TEST_FILE = "lib/src/test/resources/data/chunked_gzip_part.hdf5";

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

    @Option(names = "--only", split = ",", description = "figures to measure: matmul, inference, training, input-gradient, "
            + "rank-leads, hdf5, wfdb (default: all)")
    List<String> only = List.of("matmul", "inference", "training", "input-gradient", "rank-leads", "hdf5", "wfdb");

    @Option(names = "--hdf5", paramLabel = "FILE", description = "CODE-format HDF5 files to read for the hdf5 figure "
            + "(default: a freshly generated contiguous part of --read-exams exams, and the repository's small "
            + "chunked+gzip test file)")
    List<Path> hdf5Files = new ArrayList<>();

    @Option(names = "--wfdb", paramLabel = "FOLDER", description = "folder of 12-lead WFDB records (searched recursively) "
            + "for the wfdb figure: header + 12 leads + CODE raw form per record, one thread (default: "
            + "../shared/real-ecg/cpsc2018-challenge2020 when present, else the figure is skipped)")
    Path wfdbFolder;

    @Option(names = "--read-exams", defaultValue = "256", description = "exams read per hdf5 run, records per wfdb run (default: ${DEFAULT-VALUE})")
    int readExams;

    @Option(names = "--rank-exams", defaultValue = "8", description = "exams per rank-leads run (default: ${DEFAULT-VALUE})")
    int rankExams;

    @Option(names = "--ig-steps", defaultValue = "" + RankLeads.DEFAULT_IG_STEPS,
            description = "Integrated Gradients steps of the rank-leads figure and the --stream ranking pass "
                    + "(default: ${DEFAULT-VALUE})")
    int igSteps;

    @Option(names = "--stream", paramLabel = "PATH", description = "instead of the figures: stream this CODE folder or "
            + "part file (loading, training-like and ranking-like passes)")
    Path stream;

    @Option(names = "--stream-small", defaultValue = "512", description = "exams of the small reference pass of --stream "
            + "(default: ${DEFAULT-VALUE})")
    int streamSmall;

    @Option(names = "--stream-batches", defaultValue = "20", description = "batches of the training-like pass of --stream "
            + "(default: ${DEFAULT-VALUE})")
    int streamBatches;

    @Option(names = "--stream-rank-batches", defaultValue = "3", description = "batches of 8 exams of the ranking-like "
            + "pass of --stream (default: ${DEFAULT-VALUE}, rank-leads' default 24 exams)")
    int streamRankBatches;

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
        out.printf(Locale.ROOT, "machine: %d cores, device %s, %s %s, intra-op threads %d, load average %.2f, "
                + "malloc keeps freed memory: %s%n", Runtime.getRuntime().availableProcessors(), chosen,
                Engine.getInstance().getEngineName(), Engine.getInstance().getVersion(), Devices.intraOpThreads(),
                loadAverage(), NativeAllocator.tune() ? "yes" : "no (GLIBC_TUNABLES set, not glibc, or turned off)");
        List<List<String>> rows = new ArrayList<>();
        if (stream != null) {
            rows.addAll(streamRows(chosen));
            appendRows(table, rows);
            out.println("appended " + rows.size() + " rows to " + table);
            return 0;
        }
        long total = figures.stream().mapToLong(this::progressSteps).sum();
        try (ProgressBar progress = new ProgressBarBuilder().setTaskName("bench").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
                LgaEcgModel model = LgaEcgModel.create(leads, chosen, 1)) {
            Runnable step = progress::step;
            ModelBenchmark bench = new ModelBenchmark(model, batch, step);
            for (Figure figure : figures) {
                progress.setExtraMessage(figure.option());
                Memory.resetPeaks(); // each figure's own peak heap and RSS
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
                    case RANK_LEADS:
                        rows.addAll(rankLeadsRows(chosen, step));
                        break;
                    case HDF5:
                        rows.addAll(hdf5Rows(chosen, step));
                        break;
                    case WFDB:
                        rows.addAll(wfdbRows(chosen, step));
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

    /** Progress-bar steps of one figure. */
    private long progressSteps(Figure figure) {
        return switch (figure) {
            case RANK_LEADS -> (long) ((warmup > 0 ? 1 : 0) + runs) * rankBatches();
            case HDF5 -> (long) ((warmup > 0 ? 1 : 0) + runs) * (hdf5Files.isEmpty() ? 2 : hdf5Files.size());
            case WFDB -> (warmup > 0 ? 1 : 0) + runs;
            default -> warmup + (long) runs * steps;
        };
    }

    private int rankBatches() {
        return (rankExams + RankLeads.DEFAULT_BATCH_SIZE - 1) / RankLeads.DEFAULT_BATCH_SIZE;
    }

    /** rank-leads throughput with all four methods on a 12-lead model: one row for all, one per method. */
    private List<List<String>> rankLeadsRows(Device chosen, Runnable step) {
        if (rankExams < 1 || igSteps < 1) {
            throw new EcgLabException("--rank-exams and --ig-steps must be at least 1");
        }
        List<List<String>> rows = new ArrayList<>();
        try (LgaEcgModel twelveLeads = LgaEcgModel.create(12, chosen, 1)) {
            RankingBenchmark ranking = new RankingBenchmark(twelveLeads, rankExams, RankLeads.DEFAULT_BATCH_SIZE,
                    igSteps, 7);
            ranking.run(warmup > 0 ? 1 : 0, runs, step).forEach((method, series) -> rows.add(report(chosen,
                    "rank-leads " + method.toLowerCase(Locale.ROOT), "exams/s", 0, series, RankLeads.DEFAULT_BATCH_SIZE, 12)));
        }
        return rows;
    }

    /** HDF5 read throughput of each file: an exams/s row and a MB/s row (decoded float32 bytes). */
    private List<List<String>> hdf5Rows(Device chosen, Runnable step) {
        if (readExams < 1) {
            throw new EcgLabException("--read-exams must be at least 1");
        }
        List<List<String>> rows = new ArrayList<>();
        Path generated = null;
        try {
            List<Path> files = new ArrayList<>(hdf5Files);
            if (files.isEmpty()) {
                generated = Files.createTempDirectory("ecg-bench-");
                SyntheticConfig config = SyntheticConfig.defaults().withSizes(1, readExams, 1, 1);
                new SyntheticGenerator(config, Runtime.getRuntime().availableProcessors(), false)
                        .generate(generated.resolve("synthetic"));
                files.add(generated.resolve("synthetic").resolve(SyntheticDataset.CODE15).resolve("exams_part0.hdf5"));
                Path chunked = ProjectPaths.root().resolve(CHUNKED_TEST_FILE);
                if (Files.isRegularFile(chunked)) {
                    files.add(chunked);
                }
            }
            for (Path file : files) {
                Memory.resetPeaks();
                ReadBenchmark read = ReadBenchmark.of(file, readExams, batch);
                Series exams = read.run(warmup > 0 ? 1 : 0, runs, step);
                String name = "hdf5 " + read.layout() + " (" + read.exams() + " exams)";
                out.println("hdf5 file " + file);
                rows.add(report(chosen, name, "exams/s", 0, exams, batch, 12));
                double megabytes = ReadBenchmark.BYTES_PER_EXAM / 1e6;
                Series bytes = new Series(Arrays.stream(exams.rates()).map(r -> r * megabytes).toArray(),
                        exams.heapBytes(), exams.rssBytes(), exams.peakHeapBytes(), exams.peakRssBytes());
                rows.add(report(chosen, name, "MB/s", 0, bytes, batch, 12));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder for the hdf5 figure: " + e.getMessage(), e);
        } finally {
            deleteTree(generated);
        }
        return rows;
    }

    /** WFDB read throughput (records/s, and MB/s of CODE raw tracings made, as the hdf5 figure counts). */
    private List<List<String>> wfdbRows(Device chosen, Runnable step) {
        Path folder = wfdbFolder != null ? wfdbFolder
                : ProjectPaths.root().getParent().resolve("shared").resolve("real-ecg").resolve("cpsc2018-challenge2020");
        if (wfdbFolder == null && !Files.isDirectory(folder)) {
            out.println("wfdb: skipped (no --wfdb FOLDER and no " + folder + ")");
            return List.of();
        }
        Memory.resetPeaks();
        WfdbReadBenchmark read = WfdbReadBenchmark.of(folder, readExams);
        Series records = read.run(warmup > 0 ? 1 : 0, runs, step);
        String name = "wfdb " + folder.getFileName() + " (" + read.records() + " records)";
        double[] cpu = read.cpuRates();
        Arrays.sort(cpu);
        out.printf(Locale.ROOT, "wfdb folder %s: %.1f MB of signal files per run, %.1f MB/s of them; %.1f records per "
                + "second of CPU time (median)%n", folder, read.signalBytes() / 1e6,
                records.median() * read.signalBytes() / read.records() / 1e6, cpu[cpu.length / 2]);
        List<List<String>> rows = new ArrayList<>();
        rows.add(report(chosen, name, "records/s", 0, records, 1, 12));
        double megabytes = ReadBenchmark.BYTES_PER_EXAM / 1e6;
        rows.add(report(chosen, name, "MB/s", 0, new Series(Arrays.stream(records.rates()).map(r -> r * megabytes)
                .toArray(), records.heapBytes(), records.rssBytes(), records.peakHeapBytes(), records.peakRssBytes()),
                1, 12));
        return rows;
    }

    /** The --stream procedure: its figures as rows (median, min and max over the windows of each pass). */
    private List<List<String>> streamRows(Device chosen) {
        StreamProcedure.check(batch, streamSmall, Math.min(streamBatches, streamRankBatches));
        StreamProcedure procedure = StreamProcedure.of(stream, out);
        long planned = 2L * ((Math.min(streamSmall, procedure.exams()) + batch - 1) / batch)
                + (procedure.exams() + batch - 1) / batch + streamBatches + streamRankBatches;
        List<List<String>> rows = new ArrayList<>();
        try (ProgressBar progress = new ProgressBarBuilder().setTaskName("stream").setInitialMax(planned)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build()) {
            for (StreamProcedure.Figure figure : procedure.run(batch, streamSmall, streamBatches, streamRankBatches, igSteps, chosen,
                    progress::step)) {
                rows.add(report(chosen, figure.name(), "exams/s", 0, figure.rates(), figure.batch(), 12));
            }
        }
        return rows;
    }

    /** Deletes a temporary folder and everything in it (nothing when null). */
    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }

    /** Prints one figure and returns its CSV row, with the batch and leads it ran with and a run per rate. */
    private List<String> report(Device chosen, String figure, String unit, double gflopPerItem, Series series,
            int figureBatch, int figureLeads) {
        List<String> row = new ArrayList<>(report(chosen, figure, unit, gflopPerItem, series));
        row.set(CSV_HEADER.indexOf("runs"), Integer.toString(series.rates().length));
        row.set(CSV_HEADER.indexOf("batch"), Integer.toString(figureBatch));
        row.set(CSV_HEADER.indexOf("leads"), Integer.toString(figureLeads));
        return row;
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
