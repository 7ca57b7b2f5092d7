package org.ecgleadlab.subsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Splits;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.train.Checkpoint;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.train.DefaultData;
import org.ecgleadlab.train.TrainConfig;
import org.ecgleadlab.train.TrainingListener;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;
import org.ecgleadlab.util.RecordBuilder;

/**
 * Is the ranking right? Masked inference of one lead-dropout model on the evaluation half of the test pool for every
 * lead subset of 1 to {@code maxSize} leads and the device sets; each set scored with bootstrap intervals on shared
 * resamples; then the best set of each size, where the ranking's Top-k stand, and how fused importance predicts F1.
 * {@link SubsetReport} prints and writes the outcome.
 */
public final class SubsetSearch {
    public static final int DEFAULT_MAX_SIZE = 3;
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final int DEFAULT_BOOTSTRAP = 1000;
    public static final String DEFAULT_OUTPUT = "subset-search";

    private SubsetSearch() {
    }

    /**
     * The search's options.
     *
     * @param trainingData CODE-15%-format folder to train a lead-dropout model on instead of using the shipped one
     *                     (null: the synthetic default, and training only when {@code epochs} is given or no
     *                     lead-dropout model is shipped); refused with {@code checkpoint}
     * @param testData     test-pool folders (CODE-TEST format) or one CODE-15% folder; empty: the synthetic test pool
     * @param checkpoint   the lead-dropout model; null: one trained here when {@code trainingData} or {@code epochs}
     *                     is given, else the shipped one, else one trained on the synthetic default
     * @param ranking      a rank-leads {@code ranking.json}; null: {@code runs/rank-leads/ranking.json} when present
     * @param maxSize      largest subset size searched exhaustively (1–12; 3 = 298 subsets)
     * @param threshold    decision threshold of every class for F1
     * @param seed         seed of the bootstrap (and of a model trained here)
     * @param splitSeed    seed of the test pool's halves; null: the ranking's, else 1
     * @param bootstrap    bootstrap resamples
     * @param maxExams     evaluate only the first this many exams of the evaluation half (0: all), for a quick look
     * @param batchSize    exams per forward
     * @param epochs       epochs of a lead-dropout model trained here (null: {@link TrainConfig#DEFAULT_EPOCHS}); given,
     *                     a model is trained rather than the shipped one used; refused with {@code checkpoint}
     * @param device       auto, cpu, gpu or gpu:N
     * @param output       output folder; its {@code predictions/} keeps finished subsets for a restart
     */
    public record Options(Path trainingData, List<Path> testData, Path checkpoint, Path ranking, int maxSize,
                          double threshold, long seed, Long splitSeed, int bootstrap, int maxExams, int batchSize,
                          Integer epochs, String device, Path output) {
        public Options {
            testData = List.copyOf(testData);
            if (checkpoint != null && (trainingData != null || epochs != null)) {
                throw new EcgLabException("--checkpoint conflicts with " + (trainingData != null ? "--data" : "--epochs")
                        + ": --checkpoint names the lead-dropout model to search with, --data and --epochs train a"
                        + " new one; give one or the other");
            }
            if (!(threshold > 0 && threshold < 1)) {
                throw new EcgLabException("--threshold is " + threshold + "; use a probability between 0 and 1");
            }
            if (batchSize < 1 || bootstrap < 2 || maxExams < 0) {
                throw new EcgLabException("--batch-size (" + batchSize + ") must be at least 1, --bootstrap ("
                        + bootstrap + ") at least 2 and --max-exams (" + maxExams + ") not negative");
            }
            LeadSet.upToSize(maxSize); // validates it
        }

        /** The embedded default: synthetic data, shipped lead-dropout checkpoint, sizes 1–3, threshold 0.5. */
        public static Options defaults() {
            return new Options(null, List.of(), null, null, DEFAULT_MAX_SIZE, 0.5, 1, null, DEFAULT_BOOTSTRAP, 0,
                    DEFAULT_BATCH_SIZE, null, "auto",
                    ProjectPaths.runs().resolve(DEFAULT_OUTPUT));
        }

        // One option changed, named by what it sets: defaults().withMaxSize(1).withDevice("cpu").
        public Options withTrainingData(Path value) { return with("trainingData", value); }
        public Options withTestData(List<Path> value) { return with("testData", value); }
        public Options withCheckpoint(Path value) { return with("checkpoint", value); }
        public Options withRanking(Path value) { return with("ranking", value); }
        public Options withMaxSize(int value) { return with("maxSize", value); }
        public Options withThreshold(double value) { return with("threshold", value); }
        public Options withSeed(long value) { return with("seed", value); }
        public Options withSplitSeed(Long value) { return with("splitSeed", value); }
        public Options withBootstrap(int value) { return with("bootstrap", value); }
        public Options withMaxExams(int value) { return with("maxExams", value); }
        public Options withBatchSize(int value) { return with("batchSize", value); }
        public Options withEpochs(Integer value) { return with("epochs", value); }
        public Options withDevice(String value) { return with("device", value); }
        public Options withOutput(Path value) { return with("output", value); }

        private Options with(String component, Object value) {
            return RecordBuilder.from(this).set(component, value).build();
        }
    }

    /**
     * Everything the search found.
     *
     * @param exhaustive      every subset of 1..maxSize leads, in set order
     * @param devices         the device sets' scores
     * @param analysis        best per size, standings, correlations
     * @param ranking         the ranking compared with, or null when none was found
     * @param rankingStandings Top-1/2/3 and Bottom-3 among the subsets of their size (empty without a ranking)
     * @param deviceStandings the device sets among the subsets of their size and against all 12 leads
     * @param checkpoint      the model's weights
     * @param leadDropoutModel whether the checkpoint was trained with lead dropout
     * @param exams           evaluation exams
     * @param splitSeed       the test pool's split seed
     * @param computedSets    sets run through the model in this call (the others came from {@code predictions/})
     * @param secondsPerStage wall time per stage
     * @param provenance      inputs and options
     */
    public record Outcome(List<SubsetScore> exhaustive, Map<DeviceSet, SubsetScore> devices, SubsetAnalysis analysis,
                          RankingFile ranking, List<SubsetAnalysis.Standing> rankingStandings,
                          List<SubsetAnalysis.Standing> deviceStandings, Path checkpoint, boolean leadDropoutModel,
                          int exams, long splitSeed, int computedSets, Map<String, Double> secondsPerStage,
                          Provenance provenance, Options options) {
    }

    /** Runs the search, training a lead-dropout model first when there is none ({@code listener} hears of it). */
    public static Outcome run(Options options, TrainingListener listener) {
        return run(options, listener, SubsetSearchRunner.IN_THIS_JVM);
    }

    /**
     * {@link #run(Options, TrainingListener)} with the training and the masked inference run by {@code runner} (in
     * this JVM, or on a cluster); the rest is the same code whoever runs them.
     */
    public static Outcome run(Options options, TrainingListener listener, SubsetSearchRunner runner) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long start = System.nanoTime();
        RankingFile ranking = ranking(options);
        long splitSeed = splitSeed(options, ranking);
        Path checkpoint = checkpoint(options, listener, runner);
        seconds.put("training a lead-dropout model", (System.nanoTime() - start) / 1e9);

        long loading = System.nanoTime();
        List<Path> pool = DefaultData.testPoolOr(options.testData());
        CodeDataset data = pool.size() == 1 ? CodeDataset.open(pool.get(0)) : CodeDataset.openTestPool(pool);
        List<ExamInfo> evaluation = Splits.stratifiedHalves(data.exams(), splitSeed).evaluation();
        if (options.maxExams() > 0 && evaluation.size() > options.maxExams()) {
            evaluation = evaluation.subList(0, options.maxExams());
        }
        if (evaluation.isEmpty()) {
            throw new EcgLabException(pool + ": the evaluation half of the test pool is empty; give a test pool with"
                    + " exams (--test-data)");
        }
        List<LeadSet> exhaustive = LeadSet.upToSize(options.maxSize());
        LinkedHashSet<LeadSet> wanted = new LinkedHashSet<>(exhaustive);
        for (DeviceSet device : DeviceSet.values()) {
            wanted.add(device.leads());
        }
        if (ranking != null) { // Top-k and Bottom-3 are scored even where their size is not searched
            ranking.subsets().keySet().forEach(name -> wanted.add(LeadSet.of(ranking.subset(name))));
        }
        seconds.put("loading the test pool", (System.nanoTime() - loading) / 1e9);

        long inference = System.nanoTime();
        MaskedSearch.Result predicted = MaskedSearch.run(checkpoint, pool, evaluation, splitSeed,
                new ArrayList<>(wanted), options, runner);
        seconds.put("masked inference", (System.nanoTime() - inference) / 1e9);

        long scoringStart = System.nanoTime();
        SubsetScoring scoring = new SubsetScoring(predicted.examIds(), predicted.labels(), options.threshold(),
                options.bootstrap(), options.seed());
        List<LeadSet> all = new ArrayList<>(wanted);
        Map<LeadSet, SubsetScore> scores = new LinkedHashMap<>();
        scoring.scoreAll(all, predicted.probabilities()).forEach(s -> scores.put(s.set(), s));
        List<SubsetScore> exhaustiveScores = exhaustive.stream().map(scores::get).toList();
        Map<DeviceSet, SubsetScore> devices = new LinkedHashMap<>();
        for (DeviceSet device : DeviceSet.values()) {
            devices.put(device, scores.get(device.leads()));
        }
        SubsetAnalysis analysis = new SubsetAnalysis(exhaustiveScores, scores.get(LeadSet.ALL), scoring);
        List<SubsetAnalysis.Standing> rankingStandings = new ArrayList<>();
        if (ranking != null) {
            for (String name : ranking.subsets().keySet()) {
                LeadSet set = LeadSet.of(ranking.subset(name));
                rankingStandings.add(analysis.standing(name, scores.get(set)));
            }
        }
        List<SubsetAnalysis.Standing> deviceStandings = new ArrayList<>();
        devices.forEach((device, score) -> deviceStandings.add(analysis.standing(device.shortName(), score)));
        seconds.put("bootstrap and analysis", (System.nanoTime() - scoringStart) / 1e9);

        Provenance provenance = provenance(options, pool, checkpoint, ranking, splitSeed, evaluation.size());
        return new Outcome(exhaustiveScores, devices, analysis, ranking, rankingStandings, deviceStandings, checkpoint,
                isLeadDropout(checkpoint), evaluation.size(), splitSeed, predicted.computedSets(), seconds,
                provenance, options);
    }

    /** The ranking to compare with: the given file, else rank-leads' default output when present, else none. */
    static RankingFile ranking(Options options) {
        if (options.ranking() != null) {
            if (!Files.isRegularFile(options.ranking())) {
                throw new EcgLabException(options.ranking() + ": no such ranking; pass the ranking.json that "
                        + "jbang rank-leads wrote, or leave --ranking out");
            }
            return RankingFile.read(options.ranking());
        }
        Path fallback = ProjectPaths.runs().resolve("rank-leads").resolve(RankingFile.FILE_NAME);
        return Files.isRegularFile(fallback) ? RankingFile.read(fallback) : null;
    }

    private static long splitSeed(Options options, RankingFile ranking) {
        if (options.splitSeed() != null && ranking != null && options.splitSeed() != ranking.splitSeed()) {
            throw new EcgLabException("--split-seed " + options.splitSeed() + " differs from the split seed "
                    + ranking.splitSeed() + " of the ranking; the evaluation half would overlap the exams the ranking"
                    + " saw: drop --split-seed or rank again with it");
        }
        return options.splitSeed() != null ? options.splitSeed() : ranking != null ? ranking.splitSeed()
                : TrainConfig.DEFAULT_SPLIT_SEED;
    }

    /**
     * The given checkpoint; else, when training data or epochs are given, one trained (or resumed) on them, so neither
     * is ignored; else the shipped lead-dropout one; else one trained on the synthetic default.
     */
    static Path checkpoint(Options options, TrainingListener listener) {
        return checkpoint(options, listener, SubsetSearchRunner.IN_THIS_JVM);
    }

    private static Path checkpoint(Options options, TrainingListener listener, SubsetSearchRunner runner) {
        if (options.checkpoint() != null) {
            return options.checkpoint();
        }
        boolean trainingAsked = options.trainingData() != null || options.epochs() != null;
        Optional<Path> shipped = trainingAsked ? Optional.empty() : DefaultCheckpoint.leadDropout();
        return shipped.orElseGet(() -> {
            Path data = DefaultData.trainingDataOr(options.trainingData());
            int epochs = options.epochs() != null ? options.epochs() : TrainConfig.DEFAULT_EPOCHS;
            return runner.train(LeadDropoutTraining.of(data, epochs, options.seed(), options.device()), listener);
        });
    }

    /** Whether the checkpoint's provenance says it was trained with lead dropout. */
    static boolean isLeadDropout(Path checkpoint) {
        return Checkpoint.open(checkpoint).info()
                .map(i -> i.provenance().configuration().containsKey(TrainConfig.LEAD_DROPOUT_FIELD)).orElse(false);
    }

    private static Provenance provenance(Options options, List<Path> pool, Path checkpoint, RankingFile ranking,
                                         long splitSeed, int exams) {
        Provenance.Builder builder = Provenance.builder("subset-search").data(pool.toArray(Path[]::new))
                .checkpoint(checkpoint).seed(options.seed())
                .config("maxSize", options.maxSize())
                .config("threshold", options.threshold())
                .config("bootstrap", options.bootstrap())
                .config("splitSeed", splitSeed)
                .config("evaluationExams", exams)
                .config("maxExams", options.maxExams())
                .config("batchSize", options.batchSize())
                .config("device", options.device())
                .config("leadDropoutModel", isLeadDropout(checkpoint));
        if (ranking != null) {
            builder.config("ranking", ranking.provenance().fingerprint());
            builder.config("rankingOrder", String.join(",", ranking.order()));
        }
        return builder.build();
    }
}
