package org.ecgleadlab.explain;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.Splits;
import org.ecgleadlab.explain.exam.PassMemory;
import org.ecgleadlab.explain.ig.Completeness;
import org.ecgleadlab.explain.ig.IntegratedGradients;
import org.ecgleadlab.explain.ig.QuadratureRule;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.train.Checkpoint;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.train.DefaultData;
import org.ecgleadlab.train.TrainConfig;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.RecordBuilder;

/**
 * The project's main job (paper §4.2 and §5.1): rank the 12 leads of a trained 12-lead model on the interpretability
 * half of the test pool with the four methods, fuse them, and measure how stable the ranking is. {@link #run} returns
 * everything; {@link RankingReport} prints and writes it.
 */
public final class RankLeads {
    /** Default number of exams: a quick run on a laptop's CPU, every condition on several exams. */
    public static final int DEFAULT_EXAMS = 24;
    public static final int DEFAULT_IG_STEPS = IntegratedGradients.DEFAULT_STEPS;
    public static final QuadratureRule DEFAULT_IG_RULE = QuadratureRule.ADAPTIVE;
    public static final long DEFAULT_SEED = 7;
    /** The test pool's halves use the training split seed by default, as the adaptation step does. */
    public static final long DEFAULT_SPLIT_SEED = TrainConfig.DEFAULT_SPLIT_SEED;
    public static final int DEFAULT_BATCH_SIZE = 8;
    public static final int DEFAULT_BOOTSTRAP = 1000;

    private RankLeads() {
    }

    /**
     * The job's options. Start from {@link #defaults()} and change what differs by name with the {@code with…}
     * methods ({@code Options.defaults().withExams(70).withIgSteps(112).withDevice("gpu")}); the command line fills every
     * field at once.
     *
     * @param data       test-pool folders (CODE-TEST format, e.g. CODE-TEST and AUDIT, or labelled WFDB folders) or
     *                   one CODE-15%, WFDB or PTB-XL folder (PTB-XL: its test fold 10); empty for the synthetic
     *                   default
     * @param checkpoint checkpoint folder, run folder or {@code .npz} state_dict; null for the shipped checkpoint
     * @param exams      exams of the interpretability half to analyse (≤ 0: all of them, as the paper)
     * @param igSteps    Integrated Gradients steps
     * @param igRule     where along the path IG evaluates gradients
     * @param methods    the methods to run and fuse
     * @param seed       seed of the exam choice and of the bootstrap
     * @param splitSeed  seed of the test pool's stratified halves
     * @param device     auto, cpu, gpu or gpu:N
     * @param batchSize  exams per batch
     * @param bootstrap  bootstrap resamples for the stability analysis (0: none)
     * @param perExam    also rank the leads of every exam on its own
     * @param memory     activation budget of one model pass (rows per IG and occlusion pass); null: the default
     */
    public record Options(List<Path> data, Path checkpoint, int exams, int igSteps, QuadratureRule igRule,
                          List<ImportanceMethod> methods, long seed, long splitSeed, String device, int batchSize,
                          int bootstrap, boolean perExam, PassMemory memory) {
        public Options {
            data = List.copyOf(data);
            methods = List.copyOf(methods);
            if (batchSize < 1) {
                throw new EcgLabException("--batch-size is " + batchSize + "; use at least 1");
            }
            if (bootstrap < 0) {
                throw new EcgLabException("--bootstrap is " + bootstrap + "; use 0 (none) or a number of resamples");
            }
        }

        /** The embedded default: synthetic test pool, shipped checkpoint, all four methods. */
        public static Options defaults() {
            return new Options(List.of(), null, DEFAULT_EXAMS, DEFAULT_IG_STEPS, DEFAULT_IG_RULE,
                    List.of(ImportanceMethod.values()), DEFAULT_SEED, DEFAULT_SPLIT_SEED, "auto", DEFAULT_BATCH_SIZE,
                    DEFAULT_BOOTSTRAP, false, null);
        }

        // One option changed, named by what it sets: defaults().withExams(70).withIgSteps(112).withDevice("gpu").
        public Options withData(List<Path> value) { return with("data", value); }
        public Options withCheckpoint(Path value) { return with("checkpoint", value); }
        public Options withExams(int value) { return with("exams", value); }
        public Options withIgSteps(int value) { return with("igSteps", value); }
        public Options withIgRule(QuadratureRule value) { return with("igRule", value); }
        public Options withMethods(List<ImportanceMethod> value) { return with("methods", value); }
        public Options withSeed(long value) { return with("seed", value); }
        public Options withSplitSeed(long value) { return with("splitSeed", value); }
        public Options withDevice(String value) { return with("device", value); }
        public Options withBatchSize(int value) { return with("batchSize", value); }
        public Options withBootstrap(int value) { return with("bootstrap", value); }
        public Options withPerExam(boolean value) { return with("perExam", value); }
        public Options withMemory(PassMemory value) { return with("memory", value); }

        /** The memory budget in force: {@link #memory}, or {@link PassMemory#defaults()} when none was given. */
        public PassMemory memoryOrDefault() {
            return memory != null ? memory : PassMemory.defaults();
        }

        private Options with(String component, Object value) {
            return RecordBuilder.from(this).set(component, value).build();
        }
    }

    /**
     * Everything the job found.
     *
     * @param averages        each method's averaged 12 × 6 matrix and 12-vector
     * @param ranking         the fused ranking
     * @param result          what the adaptation step reads ({@value RankingFile#FILE_NAME})
     * @param scores          every exam's scores per method
     * @param stability       the bootstrap analysis, or null with {@code bootstrap = 0}
     * @param perExam         every exam's own ranking, or null without {@code perExam}
     * @param completeness    Integrated Gradients' completeness on each exam's loss, or null without that method
     * @param conditionCompleteness the same on each present condition's own term (the heatmaps' columns), or null
     * @param halves          the test pool's halves (saved so the adaptation step can check it evaluates on the other)
     * @param igGradientRows  input-gradient rows Integrated Gradients ran (its cost; 0 without that method)
     * @param secondsPerStage wall time per stage: loading, the shared occlusion forward, each method, analysis after
     * @param device          where the model ran
     */
    public record Outcome(List<MethodAverage> averages, FusedRanking ranking, RankingFile result,
                          List<MethodExamScores> scores, RankingStability stability,
                          List<PerExamRanking.ExamRanking> perExam, Completeness completeness,
                          Completeness conditionCompleteness, long igGradientRows,
                          Splits.TestHalves halves, Map<String, Double> secondsPerStage, Device device) {
        /** Exams per second over the whole analysis (loading, model and methods). */
        public double examsPerSecond() {
            return result.exams() / secondsPerStage.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** Runs the job in this JVM. */
    public static Outcome run(Options options) {
        return run(options, ExamAnalyser.IN_THIS_JVM);
    }

    /**
     * The exams the job analyses and where they come from.
     *
     * @param folders the test-pool folders read
     * @param halves  the test pool's halves
     * @param chosen  the exams of the interpretability half that {@code --exams} and {@code --seed} pick
     * @param derivedLimbLeadRecords chosen records whose III, aVR, aVL, aVF were derived from I and II
     */
    public record Selection(List<Path> folders, Splits.TestHalves halves, List<ExamInfo> chosen,
                            int derivedLimbLeadRecords) {
    }

    /** Opens the test pool (generating the synthetic default when needed) and picks the job's exams. */
    public static Selection select(Options options) {
        List<Path> folders = DefaultData.testPoolOr(options.data());
        CodeDataset pool = folders.size() == 1 ? CodeDataset.open(folders.get(0)) : CodeDataset.openTestPool(folders);
        pool.requireLabels("rank-leads (loss impact and the class-stratified halves)");
        Splits.TestHalves halves = Splits.stratifiedHalves(pool.testPool(), options.splitSeed());
        List<ExamInfo> chosen = ExamSelection.balanced(halves.interpretability(), options.exams(), options.seed());
        if (chosen.isEmpty()) {
            throw new EcgLabException(folders + ": the interpretability half of the test pool is empty; give a test "
                    + "pool with exams (--data)");
        }
        return new Selection(folders, halves, chosen, pool.derivedLimbLeadRecords(chosen));
    }

    /** Runs the job with the chosen exams scored by {@code analyser} (this JVM, or a cluster's tasks). */
    public static Outcome run(Options options, ExamAnalyser analyser) {
        long start = System.nanoTime();
        Selection selection = select(options);
        List<Path> folders = selection.folders();
        Splits.TestHalves halves = selection.halves();
        List<ExamInfo> chosen = selection.chosen();
        Path checkpointPath = options.checkpoint() != null ? options.checkpoint()
                : DefaultCheckpoint.forData(options.data());
        Checkpoint.open(checkpointPath); // a bad checkpoint is named here, before any task starts
        Device device = Devices.parse(options.device());
        double loadingData = (System.nanoTime() - start) / 1e9;
        AnalysisRequest request = new AnalysisRequest(checkpointPath.toAbsolutePath().normalize().toString(),
                options.methods(), options.igSteps(), options.igRule(), options.batchSize(), options.device(),
                options.memoryOrDefault().budgetBytes());
        AnalysisTally tally;
        try (ProgressBar bar = Progress.bar("rank leads", chosen.size(), "exams")) {
            tally = analyser.analyse(request, chosen, bar::stepBy);
            if (tally.excludedAllZero() > 0) {
                bar.setExtraMessage(" (" + tally.excludedAllZero() + " all-zero exams left out)");
            }
        }
        if (tally.exams() == 0) {
            throw new EcgLabException("every chosen exam is all zeros; give a test pool with recorded tracings");
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("loading data and model", loadingData + tally.modelLoadingSeconds());
        seconds.put("reading and resampling tracings", tally.readingSeconds());
        seconds.putAll(tally.secondsPerStage());
        return summarise(options, tally, halves, folders, checkpointPath, seconds, device,
                selection.derivedLimbLeadRecords());
    }

    private static Outcome summarise(Options options, AnalysisTally analysis, Splits.TestHalves halves,
                                     List<Path> folders, Path checkpoint, Map<String, Double> seconds, Device device,
                                     int derivedLimbLeadRecords) {
        long start = System.nanoTime();
        List<MethodExamScores> scores = analysis.scores();
        List<MethodAverage> averages = scores.stream().map(MethodExamScores::average).toList();
        FusedRanking ranking = FusedRanking.fuse(averages);
        RankingStability stability = options.bootstrap() > 0
                ? RankingStability.bootstrap(scores, options.bootstrap(), options.seed()) : null;
        List<PerExamRanking.ExamRanking> perExam = options.perExam() ? PerExamRanking.rank(scores) : null;
        boolean integratedGradients = options.methods().contains(ImportanceMethod.INTEGRATED_GRADIENTS);
        Completeness completeness = integratedGradients ? analysis.completeness() : null;
        Completeness conditionCompleteness = integratedGradients ? analysis.conditionCompleteness() : null;
        Provenance provenance = provenance(options, folders, checkpoint, analysis.exams(), halves, device)
                .config("derivedLimbLeadRecords", derivedLimbLeadRecords).build();
        RankingFile result = RankingFile.of(ranking, averages, analysis.exams(), options.splitSeed(), provenance);
        seconds.put("fusion, bootstrap and per-exam ranking", (System.nanoTime() - start) / 1e9);
        return new Outcome(averages, ranking, result, scores, stability, perExam, completeness, conditionCompleteness,
                analysis.gradientRows(), halves, seconds, device);
    }

    private static Provenance.Builder provenance(Options options, List<Path> folders, Path checkpoint, int exams,
                                         Splits.TestHalves halves, Device device) {
        return Provenance.builder("rank-leads")
                .data(folders.toArray(Path[]::new))
                .checkpoint(checkpoint)
                .seed(options.seed())
                .leads(List.of(Lead.values()))
                .strategy("lead ranking: " + String.join(", ", options.methods().stream().map(ImportanceMethod::key).toList()))
                .config("examsRequested", options.exams() <= 0 ? "all" : options.exams())
                .config("examsUsed", exams)
                .config("interpretabilityHalf", halves.interpretability().size())
                .config("splitSeed", options.splitSeed())
                .config("igSteps", options.igSteps())
                .config("igRule", options.igRule().name().toLowerCase(java.util.Locale.ROOT))
                .config("igTolerance", IntegratedGradients.DEFAULT_TOLERANCE)
                .config("memory", options.memoryOrDefault().toString())
                .config("batchSize", options.batchSize())
                .config("bootstrap", options.bootstrap())
                .config("perExam", options.perExam())
                .config("device", device.toString());
    }
}
