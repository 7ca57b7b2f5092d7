package org.ecgleadlab.bench;

import ai.djl.Device;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ecgleadlab.data.Batches;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.explain.ImportanceMethod;
import org.ecgleadlab.explain.LeadImportanceAnalysis;
import org.ecgleadlab.explain.RankLeads;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.train.AdamW;
import org.ecgleadlab.train.TrainConfig;
import org.ecgleadlab.train.TrainingRun;
import org.ecgleadlab.util.EcgLabException;

/**
 * Streams a big CODE dataset the way training and ranking do and checks that it scales: (1) a loading pass (read +
 * resample on the prefetch thread, nothing else) over every exam, against the same pass over only the first few
 * exams (a small file's rate); (2) a training-like pass (shuffled exams, real AdamW steps) and (3) a ranking-like pass
 * (all four methods of rank-leads) over a number of batches, whose time blocked on data shows how much of the
 * loading the prefetch thread hid. Run it with the heap capped ({@code -Xmx1g}) to check memory stays bounded.
 *
 * @param exams  the exams streamed
 * @param source where they come from, as printed
 */
public record StreamProcedure(List<ExamInfo> exams, String source) {
    /**
     * The sizes of the passes.
     *
     * @param batchSize    exams per batch of the loading and training passes (the ranking pass uses rank-leads' 8)
     * @param smallExams   exams of the small reference pass
     * @param trainBatches batches of the training-like pass
     * @param rankBatches  batches (of rank-leads' 8 exams) of the ranking-like pass
     * @param igSteps      Integrated Gradients steps of the ranking-like pass
     */
    public record Sizes(int batchSize, int smallExams, int trainBatches, int rankBatches, int igSteps) {
        public Sizes {
            if (batchSize < 1 || smallExams < 1 || trainBatches < 1 || rankBatches < 1) {
                throw new EcgLabException("--batch-size, --stream-small, --stream-batches and --stream-rank-batches "
                        + "must be at least 1");
            }
        }
    }

    /** Exams of {@code path}: a CODE-15% or CODE-TEST folder, or one part file (its rows, unlabelled). */
    public static StreamProcedure of(Path path) {
        if (Files.isDirectory(path)) {
            return new StreamProcedure(CodeDataset.open(path).exams(), path.toString());
        }
        ReadBenchmark file = ReadBenchmark.of(path, Integer.MAX_VALUE, 1);
        return new StreamProcedure(file.examList(), path + " (" + file.layout() + ")");
    }

    /** Batches the three passes take at most (a progress bar's total). */
    public long plannedBatches(Sizes sizes) {
        int batch = sizes.batchSize();
        return 2L * ((Math.min(sizes.smallExams(), exams.size()) + batch - 1) / batch)
                + (exams.size() + batch - 1) / batch + sizes.trainBatches() + sizes.rankBatches();
    }

    /**
     * Runs the three passes, printing what each shows to {@code out}; one figure per pass, its rates those of the
     * pass's windows.
     *
     * @param device     where the model runs
     * @param afterBatch a progress bar's step
     */
    public List<Measurement> run(Sizes sizes, Device device, PrintStream out, Runnable afterBatch) {
        int batchSize = sizes.batchSize();
        out.printf(Locale.ROOT, "stream: %d exams from %s; max heap %d MB%n", exams.size(), source,
                Runtime.getRuntime().maxMemory() >> 20);
        List<Measurement> figures = new ArrayList<>();
        List<ExamInfo> small = exams.subList(0, Math.min(sizes.smallExams(), exams.size()));
        StreamBenchmark.run(Batches.builder(small, batchSize).build(), Integer.MAX_VALUE, b -> { }, afterBatch);
        StreamBenchmark.Pass smallPass = StreamBenchmark.run(Batches.builder(small, batchSize).build(),
                Integer.MAX_VALUE, b -> { }, afterBatch);
        figures.add(describe(out, "stream load " + small.size() + " exams", smallPass, batchSize));
        StreamBenchmark.Pass full = StreamBenchmark.run(Batches.builder(exams, batchSize).build(), Integer.MAX_VALUE,
                b -> { }, afterBatch);
        figures.add(describe(out, "stream load " + exams.size() + " exams", full, batchSize));
        out.printf(Locale.ROOT, "  full file vs small: %.2f× the small pass's exams/s%n",
                full.examsPerSecond() / smallPass.examsPerSecond());
        try (LgaEcgModel model = LgaEcgModel.create(12, device, 1)) {
            StreamBenchmark.Pass training = trainingPass(model, batchSize, sizes.trainBatches(), afterBatch);
            figures.add(describe(out, "stream training", training, batchSize));
            overlap(out, training, full);
            StreamBenchmark.Pass ranking = rankingPass(model, sizes.rankBatches(), sizes.igSteps(), afterBatch);
            figures.add(describe(out, "stream ranking", ranking, RankLeads.DEFAULT_BATCH_SIZE));
            overlap(out, ranking, full);
        }
        return figures;
    }

    /** Shuffled batches over the whole dataset (random rows of a big file, as an epoch reads them) into AdamW steps. */
    private StreamBenchmark.Pass trainingPass(LgaEcgModel model, int batchSize, int batches, Runnable afterBatch) {
        Batches shuffled = Batches.builder(exams, batchSize).shuffle(1).build();
        try (AdamW optimizer = TrainingRun.optimizer(model, TrainConfig.DEFAULT_WEIGHT_DECAY)) {
            return StreamBenchmark.run(shuffled, batches,
                    batch -> TrainingRun.trainStep(model, optimizer, batch, TrainConfig.DEFAULT_LR_MAX), afterBatch);
        }
    }

    /** Batches in file order into the four lead-importance methods, as rank-leads runs them. */
    private StreamBenchmark.Pass rankingPass(LgaEcgModel model, int batches, int igSteps, Runnable afterBatch) {
        LeadImportanceAnalysis analysis = new LeadImportanceAnalysis(model, LeadImportanceAnalysis.Config.of(
                List.of(ImportanceMethod.values()), igSteps, RankLeads.DEFAULT_IG_RULE));
        Batches inOrder = Batches.builder(exams, RankLeads.DEFAULT_BATCH_SIZE).build();
        return StreamBenchmark.run(inOrder, batches, analysis::analyse, afterBatch);
    }

    /** Prints what the pass shows and turns its window rates into a figure. */
    private static Measurement describe(PrintStream out, String name, StreamBenchmark.Pass pass, int batch) {
        out.printf(Locale.ROOT, "%-28s %8.1f exams/s over %d exams in %.1f s; blocked on data %.1f s (%.0f%%), work %.1f s%n",
                name, pass.examsPerSecond(), pass.exams(), pass.seconds(), pass.waitSeconds(), 100 * pass.waitShare(),
                pass.workSeconds());
        out.println("  exams/s per window: " + Arrays.stream(pass.windowRates())
                .mapToObj(r -> String.format(Locale.ROOT, "%.0f", r)).collect(Collectors.joining(" ")));
        out.println("  heap after GC per window (MB): " + Arrays.stream(pass.windowHeapAfterGc())
                .mapToObj(b -> Long.toString(b >> 20)).collect(Collectors.joining(" "))
                + String.format(Locale.ROOT, "; peak heap %d MB, peak RSS %d MB", pass.peakHeapBytes() >> 20,
                        pass.peakRssBytes() >> 20));
        long[] heap = pass.windowHeapAfterGc();
        long[] rss = new long[heap.length];
        Arrays.fill(rss, -1);
        return new Measurement(name, "exams/s", 0, new Series(pass.windowRates(), heap, rss, pass.peakHeapBytes(),
                pass.peakRssBytes()), batch, 12);
    }

    /** Prints how much of the loading the prefetch thread hid behind the work. */
    private static void overlap(PrintStream out, StreamBenchmark.Pass withWork, StreamBenchmark.Pass loadOnly) {
        double loadAlone = withWork.exams() / loadOnly.examsPerSecond();
        out.printf(Locale.ROOT, "  prefetch overlap: loading these exams alone takes %.1f s, the pass was blocked "
                + "%.1f s: %.0f%% of the loading hidden behind compute%n", loadAlone, withWork.waitSeconds(),
                100 * StreamBenchmark.overlap(withWork, loadAlone));
    }
}
