package org.ecgleadlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.Batches;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.explain.ImportanceMethod;
import org.ecgleadlab.explain.LeadImportanceAnalysis;
import org.ecgleadlab.explain.RankLeads;
import org.ecgleadlab.model.LgaEcgModel;

/**
 * Lead-ranking throughput: the four methods of §4.2 run as {@code rank-leads} runs them (one shared occlusion forward
 * for output perturbation, loss impact and attention perturbation; Integrated Gradients with the default steps, rule,
 * tolerance and memory budget) on the default job's exams: the first {@code exams} that {@code rank-leads} picks from
 * the embedded synthetic test pool (generated when absent), under the model the caller passes (the bench passes the
 * shipped checkpoint). Integrated Gradients stops refining a path once its measured error is within tolerance, so its
 * cost depends on the weights and the signal: random weights or noise would measure a different workload. Per method,
 * the rate counts the method's own work plus, for the occlusion methods, the shared forward (what running that method
 * alone would cost).
 */
public final class RankingBenchmark {
    /** Key of the figure for all four methods together. */
    public static final String ALL_METHODS = "all four";

    private final LgaEcgModel model;
    private final int exams;
    private final int batchSize;
    private final int igSteps;
    private final long seed;

    /**
     * @param model     a 12-lead model: the shipped checkpoint measures the default job
     * @param exams     exams per run
     * @param batchSize exams per {@link LeadImportanceAnalysis#analyse} call ({@code rank-leads --batch-size})
     * @param igSteps   Integrated Gradients steps
     * @param seed      seed of rank-leads' exam choice (its {@code --seed})
     */
    public RankingBenchmark(LgaEcgModel model, int exams, int batchSize, int igSteps, long seed) {
        this.model = model;
        this.exams = exams;
        this.batchSize = batchSize;
        this.igSteps = igSteps;
        this.seed = seed;
    }

    /**
     * Untimed then timed runs over the exams; exams/s per run for {@link #ALL_METHODS} and for each method's title.
     * {@code afterBatch} runs after each batch.
     */
    public Map<String, Series> run(int warmup, int runs, Runnable afterBatch) {
        List<Batch> batches = new ArrayList<>();
        List<ExamInfo> chosen = RankLeads.select(RankLeads.Options.defaults().withExams(exams).withSeed(seed)).chosen();
        try (Batches.Stream stream = Batches.builder(chosen, batchSize).build().epoch(0)) {
            stream.forEachRemaining(batches::add);
        }
        for (int i = 0; i < warmup; i++) {
            analyse(batches, afterBatch);
        }
        Map<String, double[]> rates = new LinkedHashMap<>();
        long[] heap = new long[runs];
        long[] rss = new long[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            LeadImportanceAnalysis analysis = analyse(batches, afterBatch);
            double total = (System.nanoTime() - start) / 1e9;
            rates.computeIfAbsent(ALL_METHODS, k -> new double[runs])[r] = exams / total;
            Map<String, Double> stages = analysis.secondsPerStage();
            double shared = stages.getOrDefault(LeadImportanceAnalysis.OCCLUSION_FORWARD, 0.0);
            for (ImportanceMethod method : ImportanceMethod.values()) {
                double own = stages.get(method.title()) + (method.occlusion() ? shared : 0);
                rates.computeIfAbsent(method.title(), k -> new double[runs])[r] = exams / own;
            }
            heap[r] = Memory.liveHeapBytes();
            rss[r] = Memory.rssBytes();
        }
        Map<String, Series> series = new LinkedHashMap<>();
        long peakHeap = Memory.peakHeapBytes();
        long peakRss = Memory.peakRssBytes();
        rates.forEach((name, values) -> series.put(name, new Series(values, heap, rss, peakHeap, peakRss)));
        return series;
    }

    private LeadImportanceAnalysis analyse(List<Batch> batches, Runnable afterBatch) {
        LeadImportanceAnalysis analysis = new LeadImportanceAnalysis(model, LeadImportanceAnalysis.Config.of(
                List.of(ImportanceMethod.values()), igSteps, RankLeads.DEFAULT_IG_RULE));
        for (Batch batch : batches) {
            analysis.analyse(batch);
            afterBatch.run();
        }
        return analysis;
    }
}
