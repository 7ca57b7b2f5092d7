package org.ecgleadlab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.Batches;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.InputTransform;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.model.Losses;
import org.ecgleadlab.model.NoGrad;
import org.ecgleadlab.report.Json;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.util.EcgLabException;

/**
 * One training run with the paper's protocol (§3): AdamW, cosine annealing per step, binary cross-entropy
 * with logits, validation after every epoch, and the checkpoint with the lowest validation loss kept. The
 * single training loop of the toolkit: the 12-lead baseline and every adaptation strategy call
 * {@link #run(TrainConfig, TrainingListener)}.
 *
 * <p>Every epoch ends with a checkpoint (weights, AdamW state, history), so a run killed at any moment
 * continues with {@code resume} from its last completed epoch, and ends with the same weights as an
 * uninterrupted run: all randomness of an epoch is drawn from {@link EpochSeeds} of (seed, epoch).
 */
public final class TrainingRun {
    /** The run folder's provenance record (the same as in every checkpoint). */
    public static final String PROVENANCE_FILE = "provenance.json";

    private final TrainConfig config;
    private final TrainingListener listener;
    private final CheckpointStore store;
    private final Provenance provenance;

    private TrainingRun(TrainConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
        this.store = new CheckpointStore(config.output());
        this.provenance = provenanceOf(config);
    }

    /** Trains as {@code config} says, silently. */
    public static TrainingResult run(TrainConfig config) {
        return run(config, TrainingListener.NONE);
    }

    /**
     * Trains as {@code config} says, telling {@code listener} about every step. With {@code resume} a run
     * already complete returns at once, a partial one continues; without it, an output folder that already
     * holds checkpoints is refused.
     */
    public static TrainingResult run(TrainConfig config, TrainingListener listener) {
        // libtorch's grad mode is per thread and on in a new thread (a Spark task's): off outside the gradient
        // collector, as on the thread that loaded the engine, or AdamW's in-place updates of leaves are refused
        try (NoGrad noGrad = NoGrad.enter()) {
            return new TrainingRun(config, listener).execute();
        }
    }

    private TrainingResult execute() {
        Optional<CheckpointInfo> previous = resumePoint();
        RunData data = RunData.prepare(config);
        provenance.write(config.output().resolve(PROVENANCE_FILE));
        Device device = Devices.parse(config.device());
        InputTransform transform = config.input().transform(config.leads());
        Batches trainBatches = Batches.builder(data.train(), config.batchSize()).transform(transform)
                .shuffle(config.seed()).leadDropout(config.trainingDropout()).gain(config.trainingGain()).build();
        Batches validationBatches = Batches.builder(data.validation(), config.batchSize()).transform(transform)
                .leadDropout(config.validationDropout()).build();
        try (LgaEcgModel model = initialModel(device);
                AdamW optimizer = optimizer(model, config.weightDecay())) {
            long stepsPerEpoch = trainBatches.batchesPerEpoch();
            CosineSchedule schedule = new CosineSchedule(config.lrMax(), config.lrMin(), stepsPerEpoch * config.epochs());
            List<EpochRecord> history = new ArrayList<>();
            int bestEpoch = 0;
            double bestLoss = Double.POSITIVE_INFINITY;
            if (previous.isPresent()) {
                Path latest = store.latest().orElseThrow();
                model.loadStateDict(latest.resolve(Checkpoint.MODEL_FILE));
                optimizer.loadState(latest.resolve(Checkpoint.OPTIMIZER_FILE));
                history.addAll(previous.get().history());
                bestEpoch = previous.get().bestEpoch();
                bestLoss = previous.get().bestValLoss();
            }
            int firstEpoch = history.size() + 1;
            if (firstEpoch <= config.epochs()) {
                TrainingAttempts.record(config.output(), firstEpoch);
                listener.runStarted(config, firstEpoch, data.train().size(), data.validation().size());
            }
            for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
                long started = System.nanoTime();
                listener.epochStarted(epoch, config.epochs(), stepsPerEpoch);
                long firstStep = (epoch - 1) * stepsPerEpoch;
                double trainLoss = trainEpoch(model, optimizer, schedule, trainBatches, epoch, firstStep);
                Scores validation = validate(model, validationBatches, epoch, trainLoss);
                EpochRecord record = new EpochRecord(epoch, trainLoss, validation.meanLoss(), validation.macroF1(),
                        schedule.at(firstStep), (System.nanoTime() - started) / 1e9);
                history.add(record);
                boolean best = record.valLoss() < bestLoss;
                if (best) {
                    bestEpoch = epoch;
                    bestLoss = record.valLoss();
                }
                saveCheckpoint(model, optimizer, new CheckpointInfo(CheckpointInfo.FORMAT, epoch,
                        optimizer.stepCount(), model.inChannels(), Lead.join(config.leads()), config.input().cliName(),
                        bestEpoch, bestLoss, provenance, List.copyOf(history)));
                listener.epochFinished(record, best);
            }
            Path bestFolder = store.folder().resolve(CheckpointStore.folderName(bestEpoch));
            return new TrainingResult(config.output(), bestFolder, bestEpoch, bestLoss, history);
        }
    }

    /** Eval-mode scores on the validation split, after checking that training has not diverged. */
    private Scores validate(LgaEcgModel model, Batches validationBatches, int epoch, double trainLoss) {
        Scores validation;
        try (Batches.Stream stream = validationBatches.epoch(0)) {
            validation = Scores.evaluate(model, () -> stream);
        }
        if (!Double.isFinite(trainLoss) || !Double.isFinite(validation.meanLoss())) {
            throw new EcgLabException("training diverged in epoch " + epoch + " (training loss " + trainLoss
                    + ", validation loss " + validation.meanLoss() + "); lower --lr-max or check the data in "
                    + config.folders());
        }
        return validation;
    }

    /** Writes the epoch's checkpoint (weights, AdamW state, {@code info}) and the history files. */
    private void saveCheckpoint(LgaEcgModel model, AdamW optimizer, CheckpointInfo info) {
        store.save(info.epoch(), info.bestEpoch(), folder -> {
            model.saveStateDict(folder.resolve(Checkpoint.MODEL_FILE));
            optimizer.saveState(folder.resolve(Checkpoint.OPTIMIZER_FILE));
            Json.write(folder.resolve(Checkpoint.INFO_FILE), info);
        });
        TrainingHistory.write(config.output(), info.history());
    }

    /**
     * One pass over the training split in this epoch's shuffled order, starting at global step
     * {@code firstStep} of the schedule; returns the mean loss per exam.
     */
    private double trainEpoch(LgaEcgModel model, AdamW optimizer, CosineSchedule schedule, Batches batches,
                              int epoch, long firstStep) {
        double lossSum = 0;
        int exams = 0;
        long batchIndex = 0;
        // the epoch owns the generator (and so the JVM's one gradient collector): runs of one JVM take turns by epoch
        synchronized (LgaEcgModel.TORCH_GENERATOR) {
            Engine.getInstance().setRandomSeed(EpochSeeds.dropout(config.seed(), epoch));
            try (Batches.Stream stream = batches.epoch(epoch)) {
                while (stream.hasNext()) {
                    Batch batch = stream.next();
                    double lr = schedule.at(firstStep + batchIndex);
                    float loss = trainStep(model, optimizer, batch, lr);
                    lossSum += (double) loss * batch.size();
                    exams += batch.size();
                    listener.batchFinished(epoch, batchIndex, batch.size(), loss, lr);
                    batchIndex++;
                }
            }
        }
        return lossSum / exams;
    }

    /**
     * One optimizer step on {@code batch}: forward with dropout and batch statistics, BCE, backward, then
     * AdamW after the gradient collector closed (in-place updates of leaves are refused inside it). Every
     * array of the step lives in a sub-manager closed at the end, so memory stays flat. Returns the loss.
     */
    public static float trainStep(LgaEcgModel model, AdamW optimizer, Batch batch, double lr) {
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray x = scope.create(batch.inputs(), new Shape(batch.size(), batch.channels(), CodeFormat.MODEL_SAMPLES));
            NDArray y = scope.create(batch.labels(), new Shape(batch.size(), Condition.COUNT));
            float loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray lossArray = Losses.meanBceWithLogits(model.forward(x, true).head(), y);
                collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            Map<String, NDArray> gradients = model.gradients(scope);
            optimizer.step(lr, gradients);
            try (NoGrad noGrad = NoGrad.enter()) { // as model.zeroGradients(), without looking the gradients up again
                gradients.values().forEach(gradient -> gradient.muli(0));
            }
            return loss;
        }
    }

    /** A fresh seeded model, loaded with the initial weights when fine-tuning. */
    private LgaEcgModel initialModel(Device device) {
        LgaEcgModel model = LgaEcgModel.create(config.inputChannels(), device, config.seed());
        if (config.init() != null) {
            try {
                Checkpoint start = Checkpoint.open(config.init());
                checkInitFits(start);
                model.loadStateDict(start.modelFile());
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
        }
        return model;
    }

    /**
     * Refuses initial weights whose input does not fit this run, in one line: another channel count, or a reduced
     * model whose channels stand for other leads. A masked 12-channel model may start a run on any lead subset
     * (the paper's fine-tuning with masking).
     */
    private void checkInitFits(Checkpoint start) {
        if (start.info().isEmpty()) {
            return; // bare weights: the state_dict's shapes are checked when loading
        }
        CheckpointInfo info = start.info().get();
        boolean otherLeads = config.input() == InputMode.REDUCED && !info.leads().equals(Lead.join(config.leads()));
        if (info.inputChannels() != config.inputChannels() || otherLeads) {
            throw new EcgLabException(config.init() + ": --init weights take " + info.inputChannels() + " channels ("
                    + info.input() + " " + info.leads() + ") but this run feeds " + config.inputChannels() + " ("
                    + config.input().cliName() + " " + Lead.join(config.leads()) + "); start from weights of the "
                    + "same leads and input, or change --leads/--input");
        }
    }

    /** The optimizer of a run over {@code model}'s parameters: AdamW with {@code weightDecay}, PyTorch's betas and eps. */
    public static AdamW optimizer(LgaEcgModel model, double weightDecay) {
        return new AdamW(trainableArrays(model), AdamW.Settings.withWeightDecay(weightDecay));
    }

    /** Parameter arrays by PyTorch name, with gradient recording switched on. */
    public static Map<String, NDArray> trainableArrays(LgaEcgModel model) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            NDArray array = e.getValue().getArray();
            if (!array.hasGradient()) {
                array.setRequiresGradient(true);
            }
            arrays.put(e.getKey(), array);
        }
        return arrays;
    }

    /**
     * The checkpoint to continue from, after checking it belongs to this configuration; empty for a fresh
     * start. An output folder with checkpoints is refused without {@code resume}.
     */
    private Optional<CheckpointInfo> resumePoint() {
        Optional<Path> latest = store.latest();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Path infoFile = latest.get().resolve(Checkpoint.INFO_FILE);
        CheckpointInfo info = Checkpoint.readInfo(infoFile);
        if (!config.resume()) {
            throw new EcgLabException(config.output() + " already holds a run trained to epoch " + info.epoch()
                    + "; pass --resume to continue it, or choose another --output");
        }
        Map<String, String> saved = info.provenance().configuration();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(config.trainingFields().keySet());
        for (var component : TrainConfig.class.getRecordComponents()) {
            String name = component.getName();
            if (saved.containsKey(name) && !TrainConfig.FREE_ON_RESUME.contains(name)) {
                keys.add(name); // a flag the run was trained with (lead dropout, patient split) now off
            }
        }
        for (String key : keys) {
            String now = String.valueOf(provenance.configuration().get(key));
            if (!now.equals(String.valueOf(saved.get(key)))) {
                throw new EcgLabException("--resume: option " + key + " is " + now + " now but " + saved.get(key)
                        + " in " + infoFile + "; resume with the run's own options, or train into another --output");
            }
        }
        return Optional.of(info);
    }

    /**
     * Command "train", the data, initial weights, seed, leads, strategy and every option that shapes the
     * weights, plus the device and libtorch's thread count (CPU results repeat bit for bit per thread count).
     */
    private static Provenance provenanceOf(TrainConfig config) {
        return Provenance.builder("train").data(config.folders().toArray(Path[]::new)).checkpoint(config.init()).seed(config.seed())
                .leads(config.leads()).strategy(config.strategy()).config(config.trainingFields())
                .config("device", config.device()).config("intraOpThreads", Devices.intraOpThreads()).build();
    }
}
