package org.ecgleadlab.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.ExamPool;
import org.ecgleadlab.data.GroupedFolds;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.train.Checkpoint;
import org.ecgleadlab.train.TrainConfig;
import org.ecgleadlab.train.TrainingListener;
import org.ecgleadlab.train.TrainingResult;
import org.ecgleadlab.train.TrainingRun;
import org.ecgleadlab.util.EcgLabException;

/**
 * How well fine-tuning on labelled real records transfers, by k-fold cross-validation ({@code jbang evaluate
 * --cross-validate K}): the records of the folders are joined each once ({@link ExamPool}, by id and by tracing),
 * dealt into {@link GroupedFolds} (a patient never on both sides, stratified by label, seeded), and for every fold the
 * starting checkpoint is fine-tuned on the other folds with {@link TrainingRun} (the recipe of {@link Recipe}) and
 * scores the held-out fold. The pooled held-out predictions score each record exactly once by a model that never saw
 * it; the starting checkpoint scores the same records, so both are measured on the same exams. With
 * {@code trainFinal} the recipe is then run once more on every record, for a model to ship. Fold runs resume: the same
 * command again (say with {@code trainFinal} added) reuses the folds already trained, and refuses a changed recipe.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /**
     * The fine-tuning recipe of every fold (and of the final model).
     *
     * @param epochs       passes over a fold's training records (the lowest validation loss kept, as in train)
     * @param learningRate constant AdamW learning rate (the fine-tuning rate of the cpu profile, docs/adaptation.md)
     * @param batchSize    records per step
     * @param balanced     class-balanced sampling ({@code train --balanced})
     * @param gainAugment  random recording gain up to this factor ({@code train --gain-augment}), 0 for none
     * @param seed         training seed; the fold's inner 90/10 validation split uses it too
     */
    public record Recipe(int epochs, double learningRate, int batchSize, boolean balanced, double gainAugment,
                         long seed) {
        public static final int DEFAULT_EPOCHS = 10;
        public static final double DEFAULT_LEARNING_RATE = 1e-4;
        public static final int DEFAULT_BATCH_SIZE = 16;

        /** The training configuration of one fold: start from {@code start}, train on {@code exams} only. */
        TrainConfig config(List<Path> folders, Path start, List<Long> exams, String device, Path output) {
            return TrainConfig.builder().folders(folders).onlyExams(exams).init(start).epochs(epochs)
                    .learningRates(learningRate, learningRate).batchSize(batchSize).balanced(balanced).gainAugment(gainAugment).seed(seed)
                    .splitSeed(seed).patientSplit(true).device(device).output(output).strategy("fine-tune-real")
                    .resume(true).build(); // a fold already trained with this recipe is reused, a broken one continues
        }

        /** The same recipe as a train command line (for the provenance and the report). */
        public String trainCommand(Path start, List<Path> folders) {
            return String.format(Locale.ROOT, "./jbang train --data %s --init %s --epochs %d --lr-max %s --lr-min %s "
                    + "--batch-size %d --seed %d --split-seed %d --patient-split%s%s", String.join(",",
                    folders.stream().map(Path::toString).toList()), start, epochs, learningRate, learningRate,
                    batchSize, seed, seed, balanced ? " --balanced" : "",
                    gainAugment != 0 ? " --gain-augment " + gainAugment : "");
        }
    }

    /**
     * The job's options.
     *
     * @param data       labelled folders whose records are pooled (each once)
     * @param start      the checkpoint every fold starts from (the synthetic-only model)
     * @param folds      k
     * @param foldSeed   seed of the fold assignment
     * @param recipe     how each fold fine-tunes
     * @param bootstrap  resamples for the AUC intervals
     * @param device     auto, cpu, gpu
     * @param output     the report folder; fold runs go to {@code output/fold-N/}
     * @param trainFinal also fine-tune on every record into {@code output/final/}
     */
    public record Options(List<Path> data, Path start, int folds, long foldSeed, Recipe recipe, int bootstrap,
                          String device, Path output, boolean trainFinal) {
        public Options {
            data = List.copyOf(data);
            if (data.isEmpty()) {
                throw new EcgLabException("--cross-validate needs labelled DATA folders, e.g. ../shared/real-ecg/"
                        + "cpsc2018-challenge2020 ../shared/real-ecg/cinc2021-samples data/real-ecg");
            }
        }
    }

    /**
     * What the job found.
     *
     * @param pool       the records, each once, and the duplicates left out
     * @param fold       the fold of every record, by exam id
     * @param fineTuned  the pooled held-out predictions of the fine-tuned fold models
     * @param baseline   the starting checkpoint's predictions of the same records
     * @param folds      each fold's training result
     * @param finalModel the model fine-tuned on every record, or null
     * @param provenance data, start checkpoint, recipe, seeds
     */
    public record Outcome(ExamPool pool, Map<Long, Integer> fold, Predictions fineTuned, Predictions baseline,
                          List<TrainingResult> folds, TrainingResult finalModel, Provenance provenance) {
    }

    /** Runs every fold (then the final model when asked), telling {@code listener} about each training run. */
    public static Outcome run(Options options, TrainingListener listener) {
        ExamPool pool = ExamPool.join(options.data(), "cross-validation", true);
        Map<Long, Integer> fold = GroupedFolds.assign(pool.exams(), options.folds(), options.foldSeed());
        Checkpoint start = Checkpoint.open(options.start());
        List<ExamInfo> order = new ArrayList<>();
        List<Predictions> heldOut = new ArrayList<>();
        List<TrainingResult> results = new ArrayList<>();
        for (int k = 0; k < options.folds(); k++) {
            int f = k;
            List<ExamInfo> test = pool.exams().stream().filter(e -> fold.get(e.examId()) == f).toList();
            List<Long> train = pool.exams().stream().filter(e -> fold.get(e.examId()) != f)
                    .map(ExamInfo::examId).toList();
            TrainConfig config = options.recipe().config(options.data(), options.start(), train, options.device(),
                    options.output().resolve("fold-" + (k + 1)));
            TrainingResult result = TrainingRun.run(config, listener);
            results.add(result);
            heldOut.add(predict(Checkpoint.open(result.bestCheckpoint()), test, options));
            order.addAll(test);
        }
        Predictions fineTuned = concat(heldOut);
        Predictions baseline = predict(start, order, options);
        TrainingResult finalModel = null;
        if (options.trainFinal()) {
            List<Long> all = pool.exams().stream().map(ExamInfo::examId).toList();
            finalModel = TrainingRun.run(options.recipe().config(options.data(), options.start(), all,
                    options.device(), options.output().resolve("final")), listener);
        }
        Provenance provenance = Provenance.builder("evaluate --cross-validate").data(options.data()
                        .toArray(Path[]::new)).checkpoint(start.folder()).seed(options.foldSeed())
                .config("folds", options.folds()).config("recipe", options.recipe().toString())
                .config("trainCommandPerFold", options.recipe().trainCommand(options.start(), options.data())
                        + " (with the fold's records only)")
                .config("records", pool.exams().size()).config("duplicatesLeftOut", pool.duplicates().size())
                .config("bootstrapResamples", options.bootstrap()).config("device", options.device())
                .config("intraOpThreads", Devices.intraOpThreads()).config("trainFinal", options.trainFinal())
                .build();
        return new Outcome(pool, fold, fineTuned, baseline, results, finalModel, provenance);
    }

    /** The checkpoint's probabilities for {@code exams}, fed as it was trained. */
    private static Predictions predict(Checkpoint weights, List<ExamInfo> exams, Options options) {
        try (LgaEcgModel model = weights.loadModel(Devices.parse(options.device()))) {
            return org.ecgleadlab.train.Prediction.onExams(model, exams,
                    weights.input().transform(weights.leads()), options.recipe().batchSize()).predictions();
        }
    }

    private static Predictions concat(List<Predictions> parts) {
        int n = parts.stream().mapToInt(Predictions::size).sum();
        long[] ids = new long[n];
        float[][] probabilities = new float[n][];
        float[][] labels = new float[n][];
        int i = 0;
        for (Predictions p : parts) {
            for (int r = 0; r < p.size(); r++, i++) {
                ids[i] = p.examIds()[r];
                probabilities[i] = p.probabilities()[r];
                labels[i] = p.labels()[r];
            }
        }
        return new Predictions(ids, probabilities, labels);
    }
}
