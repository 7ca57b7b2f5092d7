package org.ecgleadlab.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.metrics.Bootstrap;
import org.ecgleadlab.metrics.ClassifierEvaluation;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.metrics.Thresholds;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.train.Checkpoint;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.train.DefaultData;
import org.ecgleadlab.train.InputMode;
import org.ecgleadlab.train.ExamScorer;
import org.ecgleadlab.train.ScoringRequest;
import org.ecgleadlab.util.EcgLabException;

/**
 * The {@code jbang evaluate} job: run a checkpoint on a labelled data folder (or read an existing predictions file)
 * and measure it with {@link ClassifierEvaluation}. {@link #run} returns everything; {@link EvaluationReport} prints
 * and writes it. Notebooks can call {@link #of} on predictions they already have.
 */
public final class Evaluate {
    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int DEFAULT_BOOTSTRAP = Bootstrap.DEFAULT_REPLICATES;
    public static final long DEFAULT_SEED = 7;
    public static final int DEFAULT_BATCH_SIZE = 32;

    private Evaluate() {
    }

    /**
     * The job's options.
     *
     * @param data        labelled data folders: one folder of any layout {@link CodeDataset#open} reads (PTB-XL: its
     *                    official test fold 10), or several test-pool folders forming one pool; empty for the
     *                    synthetic default's test pool
     * @param checkpoint  checkpoint folder, run folder or {@code .npz}; null for the shipped checkpoint
     * @param predictions an existing predictions CSV to evaluate instead of running a model; null to run one
     * @param threshold   decision threshold for precision, recall, F1 and accuracy, the same for every condition
     * @param bootstrap   resamples of the exams for the 95 % intervals
     * @param seed        seed of the resamples
     * @param leads       leads fed to the model; null for the checkpoint's
     * @param input       masked or reduced input; null for the checkpoint's
     * @param batchSize   exams per forward pass
     * @param device      auto, cpu, gpu or gpu:N
     */
    public record Options(List<Path> data, Path checkpoint, Path predictions, double threshold, int bootstrap,
                          long seed, List<Lead> leads, InputMode input, int batchSize, String device) {
        public Options {
            data = List.copyOf(data);
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new EcgLabException("--threshold is " + threshold + "; use a probability in [0, 1], e.g. 0.5");
            }
            if (bootstrap < 2) {
                throw new EcgLabException("--bootstrap is " + bootstrap + "; use at least 2 resamples, e.g. 1000");
            }
            if (batchSize < 1) {
                throw new EcgLabException("--batch-size is " + batchSize + "; use at least 1");
            }
            if (predictions != null && (!data.isEmpty() || checkpoint != null || leads != null || input != null)) {
                throw new EcgLabException("--predictions " + predictions + " is evaluated as it is: give no DATA, "
                        + "--checkpoint, --leads or --input with it");
            }
        }

        /** The embedded default: the synthetic test pool and the shipped checkpoint, threshold 0.5. */
        public static Options defaults() {
            return new Options(List.of(), null, null, DEFAULT_THRESHOLD, DEFAULT_BOOTSTRAP, DEFAULT_SEED, null, null,
                    DEFAULT_BATCH_SIZE, "auto");
        }
    }

    /**
     * What the job found.
     *
     * @param evaluation      every metric, interval, count and curve
     * @param provenance      data, checkpoint, exams, seed and options
     * @param source          what was evaluated, in words (for the console)
     * @param secondsPerStage wall time of predicting and of the bootstrap
     * @param recordNames     exam id → record name for the per-exam file's {@code record} column (empty names for
     *                        CODE exams; empty for a predictions file without that column)
     */
    public record Outcome(ClassifierEvaluation evaluation, Provenance provenance, String source,
                          Map<String, Double> secondsPerStage, Map<Long, String> recordNames) {
        public Outcome {
            recordNames = Map.copyOf(recordNames);
        }
    }

    /** Evaluates predictions already made (a notebook, or a file from another tool) at one threshold. */
    public static ClassifierEvaluation of(Predictions predictions, double threshold, int bootstrap, long seed) {
        return ClassifierEvaluation.of(predictions, Thresholds.uniform(threshold), new Bootstrap(bootstrap, seed));
    }

    /** Runs the job in this JVM. */
    public static Outcome run(Options options) {
        return run(options, ExamScorer.IN_THIS_JVM);
    }

    /** Runs the job with the exams scored by {@code scorer} (this JVM, or a cluster's tasks). */
    public static Outcome run(Options options, ExamScorer scorer) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long start = System.nanoTime();
        Provenance.Builder provenance = Provenance.builder("evaluate").seed(options.seed());
        Predictions predictions;
        String source;
        Map<Long, String> recordNames;
        if (options.predictions() != null) {
            predictions = PredictionsFile.read(options.predictions());
            recordNames = PredictionsFile.readRecordNames(options.predictions());
            provenance.data(options.predictions()).config("source", "predictions file");
            source = "the predictions in " + options.predictions();
        } else {
            List<Path> folders = DefaultData.testPoolOr(options.data());
            Predicted predicted = predict(options, folders, provenance, scorer);
            predictions = predicted.predictions();
            recordNames = predicted.recordNames();
            source = predictions.size() + " exams of " + describe(folders) + predicted.split();
        }
        checkLabelled(predictions, source);
        seconds.put("predicting", (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        ClassifierEvaluation evaluation;
        try (ProgressBar bar = Progress.bar("bootstrap", options.bootstrap(), "resamples")) {
            evaluation = ClassifierEvaluation.of(predictions, Thresholds.uniform(options.threshold()),
                    new Bootstrap(options.bootstrap(), options.seed()), b -> bar.step());
        }
        seconds.put("metrics and bootstrap", (System.nanoTime() - start) / 1e9);
        provenance.config("threshold", options.threshold())
                .config("bootstrapResamples", options.bootstrap())
                .config("confidenceLevel", evaluation.bootstrap().level())
                .config("exams", predictions.size())
                .config("examIds", LongStream.of(predictions.examIds()).mapToObj(Long::toString)
                        .collect(Collectors.joining(",")));
        return new Outcome(evaluation, provenance.build(), source, seconds, recordNames);
    }

    /** The model's predictions and, where the data has an official test split, a note saying it was used. */
    private record Predicted(Predictions predictions, String split, Map<Long, String> recordNames) {
    }

    private static Predicted predict(Options options, List<Path> folders, Provenance.Builder provenance,
                                     ExamScorer scorer) {
        for (Path folder : folders) {
            if (isCsv(folder)) {
                throw new EcgLabException(folder + " is a CSV file, not a data folder; to evaluate a predictions "
                        + "file (exam_id, prob_*, label_* columns) pass it with --predictions");
            }
        }
        CodeDataset dataset = folders.size() == 1 ? CodeDataset.open(folders.get(0))
                : CodeDataset.openTestPool(folders);
        // the data's own test split where it has one (PTB-XL: fold 10, never trained on), else every exam
        List<ExamInfo> exams = dataset.testPool();
        String split = dataset.officialSplit().isEmpty() ? "" : " (its official test split: PTB-XL strat_fold 10)";
        if (exams.isEmpty()) {
            throw new EcgLabException(describe(folders) + ": no labelled exam found; point to a folder with "
                    + "tracings and labels");
        }
        Path checkpointPath = options.checkpoint() != null ? options.checkpoint()
                : DefaultCheckpoint.forData(options.data());
        Checkpoint weights = Checkpoint.open(checkpointPath);
        List<Lead> leads = options.leads() != null ? options.leads() : weights.leads();
        InputMode mode = options.input() != null ? options.input() : weights.input();
        provenance.data(folders.toArray(Path[]::new)).checkpoint(weights.folder()).leads(leads)
                .config("source", "model run on the data").config("input", mode.cliName())
                .config("batchSize", options.batchSize()).config("device", options.device())
                .config("examsFrom", split.isEmpty() ? "every exam" : "official test split (PTB-XL strat_fold 10)")
                .config("derivedLimbLeadRecords", dataset.derivedLimbLeadRecords(exams));
        ScoringRequest request = ScoringRequest.of(checkpointPath, leads, mode, options.batchSize(),
                options.device());
        try (ProgressBar bar = Progress.bar("predict", exams.size(), "exams")) {
            return new Predicted(scorer.score(request, exams, bar::stepBy), split, ExamInfo.recordNames(exams));
        }
    }

    /** Evaluation needs truth: data whose exams carry none of the six labels cannot be scored. */
    private static void checkLabelled(Predictions predictions, String source) {
        if (predictions.size() == 0) {
            throw new EcgLabException(source + ": no exam to evaluate; point to labelled data");
        }
        for (float[] labels : predictions.labels()) {
            for (float label : labels) {
                if (label == 1f) {
                    return;
                }
            }
        }
        throw new EcgLabException(source + ": no exam carries any of the six labels (1dAVb, RBBB, LBBB, SB, AF, "
                + "ST), so there is nothing to measure against; give labelled data (use jbang predict for unlabelled)");
    }

    private static String describe(List<Path> folders) {
        return folders.size() == 1 ? folders.get(0).toString()
                : folders.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /** Whether {@code path} looks like a predictions CSV rather than a data folder (a friendlier error). */
    private static boolean isCsv(Path path) {
        return Files.isRegularFile(path)
                && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }
}
