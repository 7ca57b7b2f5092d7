package org.ecgleadlab.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.Batches;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.explain.exam.ExamArrays;
import org.ecgleadlab.explain.exam.PassMemory;
import org.ecgleadlab.explain.ig.Completeness;
import org.ecgleadlab.explain.ig.IntegratedGradients;
import org.ecgleadlab.explain.ig.QuadratureRule;
import org.ecgleadlab.model.LgaEcgModel;

/**
 * Runs the chosen methods of §4.2 batch by batch and keeps every exam's scores. For each batch the occlusion pass runs
 * once and feeds all three occlusion methods; Integrated Gradients runs its own batched path integral. Afterwards
 * {@link #scores()} holds one {@link MethodExamScores} per method, ready to average, fuse, bootstrap or rank per exam.
 */
public final class LeadImportanceAnalysis {
    /** Stage names of {@link #secondsPerStage()}. */
    public static final String OCCLUSION_FORWARD = "occlusion forward (shared)";

    private final List<ImportanceMethod> methods;
    private final OcclusionPass occlusion;
    private final IntegratedGradients integratedGradients;
    private final AnalysisTally tally;

    /**
     * What to run.
     *
     * @param methods           the methods, any non-empty subset
     * @param ig                Integrated Gradients' steps, rule, tolerance and memory cap
     * @param maxRowsPerForward memory cap of the occlusion forward (13 rows per exam, at least one exam)
     */
    public record Config(List<ImportanceMethod> methods, IntegratedGradients.Config ig, int maxRowsPerForward) {
        public Config {
            if (methods.isEmpty()) {
                throw new IllegalArgumentException("choose at least one method");
            }
            methods = List.copyOf(methods);
        }

        /** {@code methods} with Integrated Gradients' steps and rule, under the default {@link PassMemory}. */
        public static Config of(List<ImportanceMethod> methods, int igSteps, QuadratureRule igRule) {
            return of(methods, igSteps, igRule, PassMemory.defaults());
        }

        /**
         * {@code methods} with Integrated Gradients' steps, rule and default tolerance; the passes' rows (IG's
         * gradient rows, the occlusion forward's rows) are what fits {@code memory}.
         */
        public static Config of(List<ImportanceMethod> methods, int igSteps, QuadratureRule igRule,
                                PassMemory memory) {
            return new Config(methods, new IntegratedGradients.Config(igSteps, igRule,
                    IntegratedGradients.DEFAULT_TOLERANCE, memory.gradientRows()), memory.forwardRows());
        }
    }

    public LeadImportanceAnalysis(LgaEcgModel model, Config config) {
        this.methods = config.methods();
        boolean anyOcclusion = methods.stream().anyMatch(ImportanceMethod::occlusion);
        this.occlusion = anyOcclusion ? new OcclusionPass(model, config.maxRowsPerForward(),
                methods.contains(ImportanceMethod.ATTENTION_PERTURBATION)) : null;
        this.integratedGradients = methods.contains(ImportanceMethod.INTEGRATED_GRADIENTS)
                ? new IntegratedGradients(model, config.ig()) : null;
        List<String> stages = new ArrayList<>();
        if (anyOcclusion) {
            stages.add(OCCLUSION_FORWARD);
        }
        methods.forEach(m -> stages.add(m.title()));
        this.tally = new AnalysisTally(methods, stages);
    }

    /**
     * Streams {@code exams} (a whole selection, or one cluster task's group of it) through a new analysis of
     * {@code model} as {@code request} asks, calling {@code examsDone} after each batch; all-zero exams are left out
     * and counted. Returns what was found.
     */
    public static AnalysisTally analyse(LgaEcgModel model, AnalysisRequest request, List<ExamInfo> exams,
                                        IntConsumer examsDone) {
        LeadImportanceAnalysis analysis = new LeadImportanceAnalysis(model, request.config());
        Batches batches = Batches.builder(exams, request.batchSize()).build();
        long waiting = 0;
        try (Batches.Stream stream = batches.epoch(0)) {
            while (true) {
                long before = System.nanoTime();
                if (!stream.hasNext()) {
                    break;
                }
                Batch batch = stream.next();
                waiting += System.nanoTime() - before;
                analysis.analyse(batch);
                examsDone.accept(batch.size());
            }
        }
        analysis.tally.addReading(waiting, batches.excludedAllZero().size());
        return analysis.tally;
    }

    /** Scores one batch of 12-lead exams (resampled to 250 Hz) against their labels. */
    public void analyse(Batch batch) {
        ExamArrays exams = ExamArrays.of(batch);
        if (occlusion != null) {
            OcclusionPass.Result pass = occlusion.run(exams.inputs());
            add(OCCLUSION_FORWARD, pass.forwardNanos());
            for (int e = 0; e < exams.size(); e++) {
                long id = exams.ids()[e];
                float[] labels = exams.labels()[e];
                long start = System.nanoTime();
                if (methods.contains(ImportanceMethod.OUTPUT_PERTURBATION)) {
                    tally.add(ImportanceMethod.OUTPUT_PERTURBATION, OutputPerturbation.score(id, pass.logits()[e], labels));
                }
                long afterOutput = System.nanoTime();
                if (methods.contains(ImportanceMethod.LOSS_IMPACT)) {
                    tally.add(ImportanceMethod.LOSS_IMPACT, LossImpact.score(id, pass.logits()[e], labels));
                }
                long afterLoss = System.nanoTime();
                if (methods.contains(ImportanceMethod.ATTENTION_PERTURBATION)) {
                    tally.add(ImportanceMethod.ATTENTION_PERTURBATION,
                            AttentionPerturbation.score(id, pass.attentionKl()[e], labels));
                }
                add(ImportanceMethod.OUTPUT_PERTURBATION.title(), afterOutput - start);
                add(ImportanceMethod.LOSS_IMPACT.title(), afterLoss - afterOutput);
                add(ImportanceMethod.ATTENTION_PERTURBATION.title(), System.nanoTime() - afterLoss);
            }
            add(ImportanceMethod.ATTENTION_PERTURBATION.title(), pass.klNanos());
        }
        if (integratedGradients != null) {
            long start = System.nanoTime();
            IntegratedGradients.Result ig = integratedGradients.attribute(batch);
            ig.importance().forEach(exam -> tally.add(ImportanceMethod.INTEGRATED_GRADIENTS, exam));
            for (int i = 0; i < ig.attributionSum().length; i++) {
                tally.addCompleteness(ig.attributionSum()[i], ig.scoreDelta()[i]);
            }
            for (int i = 0; i < ig.conditionAttributionSum().length; i++) {
                tally.addConditionCompleteness(ig.conditionAttributionSum()[i], ig.conditionScoreDelta()[i]);
            }
            tally.addGradientRows(ig.gradientRows());
            add(ImportanceMethod.INTEGRATED_GRADIENTS.title(), System.nanoTime() - start);
        }
    }

    private void add(String stage, long elapsed) {
        tally.time(stage, elapsed);
    }

    /** What was found so far. */
    public AnalysisTally tally() {
        return tally;
    }

    /** One {@link MethodExamScores} per chosen method, in the paper's order. */
    public List<MethodExamScores> scores() {
        return tally.scores();
    }

    /** Number of exams analysed so far. */
    public int exams() {
        return tally.exams();
    }

    /**
     * Seconds spent per stage: the shared occlusion forward, then each method's own work (for attention perturbation,
     * reducing the attention matrices to KL divergences; for Integrated Gradients, its whole path integral).
     */
    public Map<String, Double> secondsPerStage() {
        return tally.secondsPerStage();
    }

    /** Rows of Integrated Gradients' input-gradient passes so far (each a forward and a backward of one input). */
    public long gradientRows() {
        return tally.gradientRows();
    }

    /** Integrated Gradients' completeness on each exam's loss S so far (0 scores without that method). */
    public Completeness completeness() {
        return tally.completeness();
    }

    /** Integrated Gradients' completeness on each present condition's own term S_c so far. */
    public Completeness conditionCompleteness() {
        return tally.conditionCompleteness();
    }
}
