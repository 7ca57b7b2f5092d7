package org.ecgleadlab.cli;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecgleadlab.bench.BenchCsv;
import org.ecgleadlab.bench.BenchFigure;
import org.ecgleadlab.bench.BenchOptions;
import org.ecgleadlab.bench.BenchRun;
import org.ecgleadlab.bench.GrowthBenchmark;
import org.ecgleadlab.bench.GrowthCsv;
import org.ecgleadlab.bench.GrowthOptions;
import org.ecgleadlab.bench.GrowthRow;
import org.ecgleadlab.bench.StreamProcedure;
import org.ecgleadlab.cli.options.DeviceOptions;
import org.ecgleadlab.explain.RankLeads;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.util.EcgLabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jbang bench}: speed of this machine for ECG Lead Lab, median of several runs with min–max and peak
 * memory, printed and appended to a CSV (one row per figure) so machines can be compared. The figures live in
 * {@link org.ecgleadlab.bench}; this command only reads the options.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure matmul peak, LGA-ECG inference / training throughput, rank-leads throughput, HDF5 read "
                + "and WFDB read throughput on this machine (CPU or GPU).",
            "With --stream PATH: stream a big CODE dataset for a loading, a training-like and a ranking-like pass "
                + "instead (run with -Xmx1g to check memory stays bounded; see docs/scaling.md).",
            "Without --threads, libtorch gets one thread per idle core."})
public final class BenchCommand implements PlannedCommand<BenchCommand.Plan> {
    /** The figure names, for {@code --only}'s help. */
    static final class FigureNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(BenchFigure.values()).map(BenchFigure::option).iterator();
        }
    }

    /** --device and --threads as in every command that runs a model; without --threads, one per idle core. */
    @Mixin
    DeviceOptions device;

    /** No {@code defaultValue}: picocli would apply it after parsing and undo {@code --batch}. */
    @Option(names = "--batch-size", description = "exams per batch, as in the other commands (default: "
            + "${DEFAULT-VALUE}; --batch, its older name, still works)")
    int batchSize = 32;

    /** {@code --batch}, the older name of {@code --batch-size}: hidden so the help shows one name per meaning. */
    @Option(names = "--batch", hidden = true)
    void olderBatchOption(int exams) {
        batchSize = exams;
    }

    /** No {@code defaultValue}: picocli would apply it after parsing and undo {@code --leads}. */
    @Option(names = "--lead-count", paramLabel = "N", description = "input channels of the model, 1-12 (default: "
            + "${DEFAULT-VALUE}; --leads, its older name, still works)")
    int leadCount = 12;

    /** {@code --leads}, the older name of {@code --lead-count}: hidden, as --leads elsewhere names leads (V1,I). */
    @Option(names = "--leads", hidden = true, paramLabel = "N")
    void olderLeadsOption(int count) {
        leadCount = count;
    }

    @Option(names = "--runs", defaultValue = "5", description = "timed runs per figure; the median is reported (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--steps", defaultValue = "3", description = "batches per run (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "untimed batches before each figure (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--matmul-size", defaultValue = "2048", description = "n of the n × n matmul (default: ${DEFAULT-VALUE})")
    int matmulSize;

    @Option(names = "--only", split = ",", completionCandidates = FigureNames.class,
            description = "figures to measure: ${COMPLETION-CANDIDATES} (default: all)")
    List<String> only;

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

    @Option(names = "--csv", description = "CSV to append the rows to (default: runs/bench/bench.csv; with --growth "
            + "runs/bench/growth.csv)")
    Path csv;

    @Mixin
    GrowthBenchOptions growth;

    @Spec
    CommandSpec spec;

    /**
     * What bench measures: the figures with their sizes, or with {@code stream} the streaming passes with theirs, or
     * with {@code growth} the jobs at growing sizes (figure written to {@code growthPlot}).
     * {@code devices}: device and threads (null threads: one per idle core); {@code csv}: the table appended to.
     */
    record Plan(DeviceOptions.Choice devices, int batchSize, int leadCount, int runs, int steps, int warmup,
                int matmulSize, List<Path> hdf5Files, Path wfdbFolder, int readExams, int rankExams, int igSteps,
                Set<BenchFigure> figures, Path stream, int streamSmall, int streamBatches, int streamRankBatches,
                Path csv, GrowthOptions growth, Path growthPlot) {
    }

    /** The options of the figures, which --stream does not measure, and those of --stream, which need it. */
    @Override
    public List<OptionRule> rules() {
        List<OptionRule> rules = new ArrayList<>();
        for (String figureOption : List.of("--only", "--runs", "--steps", "--warmup", "--matmul-size", "--hdf5",
                "--wfdb", "--read-exams", "--rank-exams", "--lead-count", "--leads")) {
            rules.add(OptionRule.conflicts("--stream", figureOption, figureOption + " sizes the figures, which --stream"
                    + " replaces by its streaming passes"));
        }
        for (String streamOption : List.of("--stream-small", "--stream-batches", "--stream-rank-batches")) {
            rules.add(OptionRule.needs(streamOption, "--stream", "it sizes a pass of --stream"));
        }
        for (String growthOption : List.of("--growth-sizes", "--growth-ptbxl", "--growth-data", "--growth-jobs",
                "--growth-train-exams", "--growth-rank-exams", "--growth-subset-exams", "--growth-subset-size",
                "--growth-heap", "--growth-plot")) {
            rules.add(OptionRule.needs(growthOption, "--growth", "it sets up the growth benchmark"));
        }
        return rules;
    }

    @Override
    public Plan plan() {
        if (growth.enabled) {
            return growthPlan();
        }
        OptionRule.check(rules(), spec.commandLine().getParseResult());
        EnumSet<BenchFigure> figures = EnumSet.allOf(BenchFigure.class);
        if (only != null) {
            figures.clear();
            only.forEach(text -> figures.add(BenchFigure.parse(text)));
            refuseOptionsOfFiguresLeftOut(figures);
        }
        return new Plan(device.choice(), batchSize, leadCount, runs, steps, warmup, matmulSize, List.copyOf(hdf5Files),
                wfdbFolder, readExams, rankExams, igSteps, figures, stream, streamSmall, streamBatches,
                streamRankBatches, csv != null ? csv : BenchCsv.defaultTable(), null, null);
    }

    /** Options that size one figure only, and that figure (or figures). */
    private static final Map<String, Set<BenchFigure>> FIGURE_OPTIONS = Map.of(
            "--matmul-size", EnumSet.of(BenchFigure.MATMUL), "--hdf5", EnumSet.of(BenchFigure.HDF5),
            "--wfdb", EnumSet.of(BenchFigure.WFDB), "--read-exams", EnumSet.of(BenchFigure.HDF5, BenchFigure.WFDB),
            "--rank-exams", EnumSet.of(BenchFigure.RANK_LEADS));

    /** A figure's option given while --only leaves the figure out would be ignored: refused. */
    private void refuseOptionsOfFiguresLeftOut(Set<BenchFigure> figures) {
        FIGURE_OPTIONS.forEach((option, sized) -> {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)
                    && sized.stream().noneMatch(figures::contains)) {
                throw new EcgLabException(option + " sizes the " + sized.iterator().next().option() + " figure, which"
                        + " --only leaves out; add it to --only or drop " + option);
            }
        });
    }

    @Override
    public int run(Plan plan) {
        if (plan.growth() != null) {
            return runGrowth(plan);
        }
        Device chosen = Devices.parse(plan.devices().device());
        BenchOptions options = new BenchOptions(chosen, plan.batchSize(), plan.leadCount(), plan.runs(), plan.steps(),
                plan.warmup(), plan.matmulSize(), plan.hdf5Files(), plan.wfdbFolder(), plan.readExams(),
                plan.rankExams(), plan.igSteps());
        if (!plan.devices().applyThreads()) {
            Devices.fitThreadsToLoad(); // a benchmark on a busy machine would otherwise time contention
        }
        Path table = plan.csv();
        BenchCsv.checkAppendable(table); // a foreign CSV fails here, before minutes of measuring
        System.out.println(BenchRun.machine(chosen));
        List<List<String>> rows = plan.stream() == null ? BenchRun.measure(options, plan.figures(), System.out)
                : streamRows(plan, chosen);
        BenchCsv.append(table, rows);
        System.out.println("appended " + rows.size() + " rows to " + table);
        return 0;
    }

    private static List<List<String>> streamRows(Plan plan, Device chosen) {
        StreamProcedure.Sizes sizes = new StreamProcedure.Sizes(plan.batchSize(), plan.streamSmall(),
                plan.streamBatches(), plan.streamRankBatches(), plan.igSteps());
        return BenchRun.stream(StreamProcedure.of(plan.stream()), sizes, chosen, System.out);
    }

    /** --growth: bench's figure options have no meaning there, its jobs run with their own defaults. */
    private Plan growthPlan() {
        List<String> figureOptions = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(o -> o.longestName()).filter(n -> !n.startsWith("--growth") && !n.equals("--csv")).toList();
        if (!figureOptions.isEmpty()) {
            throw new EcgLabException(figureOptions + " do not apply to --growth, whose jobs run with their own "
                    + "defaults; leave them out, or run bench without --growth");
        }
        return new Plan(device.choice(), batchSize, leadCount, runs, steps, warmup, matmulSize, List.copyOf(hdf5Files),
                wfdbFolder, readExams, rankExams, igSteps, EnumSet.noneOf(BenchFigure.class), null, streamSmall,
                streamBatches, streamRankBatches, csv != null ? csv : GrowthCsv.defaultTable(), growth.options(),
                growth.plotBase());
    }

    private static int runGrowth(Plan plan) {
        GrowthOptions options = plan.growth();
        Path table = plan.csv();
        GrowthCsv.checkAppendable(table);
        System.out.println(BenchRun.machine(Device.cpu()));
        List<GrowthRow> rows = GrowthBenchmark.run(options, System.out);
        GrowthCsv.append(table, options.heap(), rows);
        System.out.println("appended " + rows.size() + " rows to " + table);
        List<Path> figure = GrowthBenchmark.plot(rows, plan.growthPlot());
        figure.forEach(p -> System.out.println("wrote " + p));
        if (figure.isEmpty()) {
            System.out.println("no figure: it plots the CODE-15%-layout sizes, and no job ran on one successfully");
        }
        return rows.stream().allMatch(r -> r.run().exitCode() == 0) ? 0 : 1;
    }
}
