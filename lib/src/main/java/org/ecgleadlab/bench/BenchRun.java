package org.ecgleadlab.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.model.NativeAllocator;
import org.ecgleadlab.report.Progress;

/**
 * One {@code bench} session: measures figures in their order under one progress bar (speed and ETA on stderr), prints
 * each measurement as it comes and collects its CSV row. The model figures share one model, made on first use.
 */
public final class BenchRun implements FigureContext, AutoCloseable {
    private final BenchOptions options;
    private final PrintStream out;
    private final ProgressBar progress;
    private final List<List<String>> rows = new ArrayList<>();
    private LgaEcgModel model;

    private BenchRun(BenchOptions options, PrintStream out, ProgressBar progress) {
        this.options = options;
        this.out = out;
        this.progress = progress;
    }

    /**
     * The machine line printed before measuring: cores, device, engine, threads, load, and whether malloc keeps freed
     * memory ({@link NativeAllocator#tune()}, which also tunes it if nothing has yet).
     */
    public static String machine(Device device) {
        return String.format(Locale.ROOT, "machine: %d cores, device %s, %s %s, intra-op threads %d, load average %.2f, "
                + "malloc keeps freed memory: %s", Runtime.getRuntime().availableProcessors(), device,
                Engine.getInstance().getEngineName(), Engine.getInstance().getVersion(), Devices.intraOpThreads(),
                BenchCsv.loadAverage(), NativeAllocator.tune() ? "yes" : "no (GLIBC_TUNABLES set, not glibc, or turned off)");
    }

    /** Measures {@code figures} (in their enum order, whatever the set's), printing to {@code out}; the CSV rows. */
    public static List<List<String>> measure(BenchOptions options, Set<BenchFigure> figures, PrintStream out) {
        EnumSet<BenchFigure> ordered = figures.isEmpty() ? EnumSet.noneOf(BenchFigure.class) : EnumSet.copyOf(figures);
        long total = ordered.stream().mapToLong(figure -> figure.progressSteps(options)).sum();
        try (ProgressBar progress = Progress.bar("bench", total, "steps");
                BenchRun run = new BenchRun(options, out, progress)) {
            for (BenchFigure figure : ordered) {
                progress.setExtraMessage(figure.option());
                Memory.resetPeaks(); // each figure's own peak heap and RSS
                figure.measure(run);
            }
            return List.copyOf(run.rows);
        }
    }

    /** The {@code --stream} procedure's figures, printed to {@code out} once it has run; the CSV rows. */
    public static List<List<String>> stream(StreamProcedure procedure, StreamProcedure.Sizes sizes, Device device,
            PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        try (ProgressBar progress = Progress.bar("stream", procedure.plannedBatches(sizes), "batches")) {
            for (Measurement measurement : procedure.run(sizes, device, out, progress::step)) {
                out.print(measurement.describe());
                rows.add(BenchCsv.row(device, measurement));
            }
        }
        return rows;
    }

    @Override
    public BenchOptions options() {
        return options;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public Runnable step() {
        return progress::step;
    }

    @Override
    public void report(Measurement measurement) {
        out.print(measurement.describe());
        rows.add(BenchCsv.row(options.device(), measurement));
    }

    @Override
    public void reportModelFigure(String name, String unit, double gflopPerItem, ModelRun timed) {
        if (model == null) {
            model = LgaEcgModel.create(options.leads(), options.device(), 1);
        }
        ModelBenchmark bench = new ModelBenchmark(model, options.batchSize(), step());
        Series series = timed.run(bench, options.warmup(), options.runs(), options.steps());
        report(new Measurement(name, unit, gflopPerItem, series, options.batchSize(), options.leads()));
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
    }
}
