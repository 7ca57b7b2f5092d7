package org.ecgleadlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.ImportanceMethod;
import org.ecgleadlab.explain.LeadImportanceAnalysis;
import org.ecgleadlab.explain.RankLeads;
import org.ecgleadlab.model.LgaEcgModel;

/**
 * Lead-ranking throughput: the four methods of §4.2 run as {@code rank-leads} runs them (one shared occlusion forward
 * for output perturbation, loss impact and attention perturbation; Integrated Gradients with the default steps and
 * rule), on seeded random 12 × 2560 exams. Speed does not depend on the weights or the signal, so no checkpoint or
 * data file is needed. Per method, the rate counts the method's own work plus, for the occlusion methods, the shared
 * forward (what running that method alone would cost).
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
     * @param model     a 12-lead model (random weights are fine)
     * @param exams     exams per run
     * @param batchSize exams per {@link LeadImportanceAnalysis#analyse} call ({@code rank-leads --batch-size})
     * @param igSteps   Integrated Gradients steps
     * @param seed      seed of the random exams and labels
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
        SplittableRandom random = new SplittableRandom(seed);
        int perExam = Lead.COUNT * CodeFormat.MODEL_SAMPLES;
        for (int start = 0; start < exams; start += batchSize) {
            int size = Math.min(batchSize, exams - start);
            float[] x = new float[size * perExam];
            float[] y = new float[size * Condition.COUNT];
            for (int e = 0; e < size; e++) {
                for (int i = e * perExam; i < (e + 1) * perExam; i++) {
                    x[i] = (float) (0.3 * random.nextGaussian());
                }
                for (int c = e * Condition.COUNT; c < (e + 1) * Condition.COUNT; c++) {
                    y[c] = random.nextDouble() < 0.3 ? 1 : 0;
                }
            }
            batches.add(new Batch(x, Lead.COUNT, y, LongStream.range(start, start + size).toArray(), size));
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
