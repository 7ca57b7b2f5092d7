package org.ecgleadlab.explain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.explain.exam.ExamScores;
import org.ecgleadlab.explain.ig.Completeness;

/**
 * What {@link LeadImportanceAnalysis} has found so far: every exam's scores per method, Integrated Gradients'
 * completeness terms, time per stage. Serializable so that a cluster task's share of the exams travels back to the
 * driver, where {@link #absorb} joins the shares in exam order before the one reduction of {@link RankLeads}.
 */
public final class AnalysisTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private final EnumMap<ImportanceMethod, MethodExamScores> scores = new EnumMap<>(ImportanceMethod.class);
    private final ArrayList<Double> attributionSums = new ArrayList<>();
    private final ArrayList<Double> scoreDeltas = new ArrayList<>();
    private final ArrayList<Double> conditionAttributionSums = new ArrayList<>();
    private final ArrayList<Double> conditionScoreDeltas = new ArrayList<>();
    private final LinkedHashMap<String, Long> nanos = new LinkedHashMap<>();
    private long readingNanos;
    private long modelLoadingNanos;
    private int excludedAllZero;
    private long gradientRows;

    /** An empty tally for {@code methods}, timing {@code stages} (in their order). */
    AnalysisTally(List<ImportanceMethod> methods, List<String> stages) {
        methods.forEach(m -> scores.put(m, new MethodExamScores(m)));
        stages.forEach(stage -> nanos.put(stage, 0L));
    }

    /** An empty tally to {@link #absorb} shares into. */
    public static AnalysisTally empty(List<ImportanceMethod> methods) {
        return new AnalysisTally(methods, List.of());
    }

    void add(ImportanceMethod method, ExamScores exam) {
        scores.get(method).add(exam);
    }

    void addCompleteness(double attributionSum, double scoreDelta) {
        attributionSums.add(attributionSum);
        scoreDeltas.add(scoreDelta);
    }

    void addConditionCompleteness(double attributionSum, double scoreDelta) {
        conditionAttributionSums.add(attributionSum);
        conditionScoreDeltas.add(scoreDelta);
    }

    void addGradientRows(long rows) {
        gradientRows += rows;
    }

    void time(String stage, long elapsed) {
        nanos.computeIfPresent(stage, (k, v) -> v + elapsed);
    }

    void addReading(long elapsed, int allZeroLeftOut) {
        readingNanos += elapsed;
        excludedAllZero += allZeroLeftOut;
    }

    /** Adds the time spent loading the model (once per task slot on a cluster). */
    public void addModelLoading(long elapsed) {
        modelLoadingNanos += elapsed;
    }

    /** Appends {@code share}'s exams after this tally's and adds its times (CPU time summed over tasks). */
    public void absorb(AnalysisTally share) {
        share.scores.forEach((method, exams) -> {
            MethodExamScores mine = scores.computeIfAbsent(method, MethodExamScores::new);
            exams.exams().forEach(mine::add);
        });
        attributionSums.addAll(share.attributionSums);
        scoreDeltas.addAll(share.scoreDeltas);
        conditionAttributionSums.addAll(share.conditionAttributionSums);
        conditionScoreDeltas.addAll(share.conditionScoreDeltas);
        share.nanos.forEach((stage, ns) -> nanos.merge(stage, ns, Long::sum));
        readingNanos += share.readingNanos;
        modelLoadingNanos += share.modelLoadingNanos;
        excludedAllZero += share.excludedAllZero;
        gradientRows += share.gradientRows;
    }

    /** One {@link MethodExamScores} per chosen method, in the paper's order. */
    public List<MethodExamScores> scores() {
        return List.copyOf(scores.values());
    }

    /** Number of exams scored. */
    public int exams() {
        return scores.values().iterator().next().size();
    }

    /** Seconds per stage, as {@link LeadImportanceAnalysis#secondsPerStage()} describes them. */
    public Map<String, Double> secondsPerStage() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        nanos.forEach((stage, ns) -> seconds.put(stage, ns / 1e9));
        return seconds;
    }

    /** Seconds spent waiting for tracings to be read and resampled. */
    public double readingSeconds() {
        return readingNanos / 1e9;
    }

    /** Seconds spent loading the model. */
    public double modelLoadingSeconds() {
        return modelLoadingNanos / 1e9;
    }

    /** Rows of Integrated Gradients' input-gradient passes (each a forward and a backward of one input). */
    public long gradientRows() {
        return gradientRows;
    }

    /** All-zero exams left out of the analysis. */
    public int excludedAllZero() {
        return excludedAllZero;
    }

    /** Integrated Gradients' completeness on each exam's loss S. */
    public Completeness completeness() {
        return Completeness.of(toArray(attributionSums), toArray(scoreDeltas));
    }

    /** Integrated Gradients' completeness on each present condition's own term S_c. */
    public Completeness conditionCompleteness() {
        return Completeness.of(toArray(conditionAttributionSums), toArray(conditionScoreDeltas));
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
