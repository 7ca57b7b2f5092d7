package org.ecgleadlab.adapt;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.InputTransform;
import org.ecgleadlab.data.SplitMembership;
import org.ecgleadlab.data.Splits;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.train.Checkpoint;
import org.ecgleadlab.train.Prediction;
import org.ecgleadlab.train.RunData;
import org.ecgleadlab.train.TrainConfig;
import org.ecgleadlab.train.TrainingListener;
import org.ecgleadlab.train.TrainingResult;
import org.ecgleadlab.train.TrainingRun;
import org.ecgleadlab.util.EcgLabException;

/**
 * Runs one (subset, strategy) of the grid (paper §4.3): trains with the toolkit's single training loop when the
 * strategy trains (fine-tuning starts from the baseline weights, the others from a seeded random initialisation),
 * then scores the evaluation half of the test pool and the validation split and saves both as predictions files.
 * The validation predictions are there for per-class threshold tuning, which must never see the evaluation half.
 */
public final class AdaptationRun implements AdaptationGrid.RunExecutor {
    /** Predictions on the evaluation half of the test pool: the numbers of Tables 1 and 2. */
    public static final String PREDICTIONS_FILE = RunStore.PREDICTIONS_FILE;
    /** Predictions on the validation split of the training data, for threshold tuning. */
    public static final String VALIDATION_PREDICTIONS_FILE = "validation-predictions.csv";
    /** The training run's folder inside the run folder (checkpoints, history, split). */
    public static final String TRAINING_FOLDER = "training";
    /** Where the training loop saves its train/validation membership inside its output folder. */
    static final String TRAINING_SPLIT_FILE = "split.csv";
    /** The paper's validation share of CODE-15%, split by patient (as the training loop splits it). */
    static final double VALIDATION_FRACTION = 0.1;

    private final AdaptationSetup setup;
    private final TrainingListener listener;
    private final List<ExamInfo> evaluationHalf;

    /** Runs with {@code setup}, reporting training progress to {@code listener}. */
    public AdaptationRun(AdaptationSetup setup, TrainingListener listener) {
        this.setup = setup;
        this.listener = listener;
        this.evaluationHalf = evaluationHalf(setup);
    }

    /** The evaluation half of the test pool under the setup's split seed (never the interpretability half). */
    public static List<ExamInfo> evaluationHalf(AdaptationSetup setup) {
        return halves(setup).evaluation();
    }

    /** Both halves of the test pool, for saving the split beside the results. */
    public static Splits.TestHalves halves(AdaptationSetup setup) {
        List<ExamInfo> pool = CodeDataset.openTestPool(setup.testPool()).requireLabels("adaptation").testPool();
        return Splits.stratifiedHalves(pool, setup.splitSeed());
    }

    @Override
    public Map<String, Object> execute(RunSpec spec, Path folder) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        Path weights;
        List<ExamInfo> validation;
        if (spec.strategy().trains()) {
            TrainConfig config = trainConfig(setup, spec, folder.resolve(TRAINING_FOLDER));
            TrainingResult result = TrainingRun.run(config, listener);
            weights = Checkpoint.open(result.bestCheckpoint()).modelFile();
            validation = SplitMembership.load(folder.resolve(TRAINING_FOLDER).resolve(TRAINING_SPLIT_FILE))
                    .select(CodeDataset.open(setup.trainingData()).exams(), Splits.VALIDATION);
            outcome.put("bestEpoch", result.bestEpoch());
            outcome.put("bestValidationLoss", result.bestValLoss());
            outcome.put("trainingSeconds", result.history().stream().mapToDouble(r -> r.seconds()).sum());
        } else {
            weights = setup.baselineModel();
            validation = validationSplit();
        }
        InputTransform transform = spec.strategy().inputTransform(spec.subset().leads());
        try (LgaEcgModel model = LgaEcgModel.load(weights, Devices.parse(setup.device()))) {
            int expected = transform.channels();
            if (model.inChannels() != expected) {
                throw new EcgLabException(weights + ": the model takes " + model.inChannels() + " leads but "
                        + spec.strategy().paperName() + " on " + spec.subset().paperLabel() + " needs " + expected
                        + "; pass a 12-lead baseline checkpoint");
            }
            int batch = setup.profile().batchSize();
            PredictionsFile.write(folder.resolve(PREDICTIONS_FILE),
                    Prediction.onExams(model, evaluationHalf, transform, batch).predictions());
            PredictionsFile.write(folder.resolve(VALIDATION_PREDICTIONS_FILE),
                    Prediction.onExams(model, validation, transform, batch).predictions());
            outcome.put("weights", weights.toAbsolutePath().normalize().toString());
            outcome.put("inputChannels", model.inChannels());
            outcome.put("parameterCount", model.parameterCount());
            outcome.put("input", transform.describe());
            outcome.put("device", model.device().toString());
        }
        outcome.put("evaluationExams", evaluationHalf.size());
        outcome.put("validationExams", validation.size());
        return outcome;
    }

    /** The training configuration of a trained strategy: the profile's knobs, this run's leads and input. */
    static TrainConfig trainConfig(AdaptationSetup setup, RunSpec spec, Path output) {
        Strategy strategy = spec.strategy();
        AdaptationProfile profile = setup.profile();
        boolean finetune = strategy == Strategy.FINETUNE_WITH_MASKING;
        double lrMax = finetune ? profile.finetuneLearningRate() : profile.learningRateMax();
        double lrMin = finetune ? profile.finetuneLearningRate() : profile.learningRateMin();
        return TrainConfig.builder()
                .data(setup.trainingData())
                .leads(spec.subset().leads())
                .input(strategy.inputMode())
                .epochs(profile.epochsFor(strategy))
                .batchSize(profile.batchSize())
                .learningRates(lrMax, lrMin)
                .seed(setup.seed())
                .splitSeed(setup.splitSeed())
                .maxExams(profile.maxTrainExams())
                .device(setup.device())
                .output(output)
                .init(strategy.startsFromBaseline() ? setup.baselineModel() : null)
                .resume(true) // a run folder is keyed by its spec, so what is there is this run, interrupted
                .strategy(strategy.cliName())
                .build();
    }

    /** The validation split the training loop would use (same cap, rule and seed), for untrained strategies. */
    private List<ExamInfo> validationSplit() {
        CodeDataset data = CodeDataset.open(setup.trainingData()).requireLabels("adaptation");
        return RunData.split(data, setup.profile().maxTrainExams(), setup.splitSeed(), false).validation();
    }
}
