package org.ecgleadlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.cli.options.DeviceOptions;
import org.ecgleadlab.cli.options.ModelRunOptions;
import org.ecgleadlab.cli.options.OutputFolderOption;
import org.ecgleadlab.cli.options.SamplingOptions;
import org.ecgleadlab.cli.options.SeedOptions;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.train.ConsoleProgress;
import org.ecgleadlab.train.DefaultData;
import org.ecgleadlab.train.InputMode;
import org.ecgleadlab.train.TrainConfig;
import org.ecgleadlab.train.TrainingResult;
import org.ecgleadlab.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jbang train}: trains LGA-ECG on a CODE-15%-format folder with the paper's protocol. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the LGA-ECG model with the paper's protocol: AdamW, cosine annealing per step, binary "
                + "cross-entropy, patient-level 90/10 split, the checkpoint with the lowest validation loss kept. "
                + "Writes checkpoints/, history.csv, history.png, split.csv and provenance.json into --output.")
public final class TrainCommand implements PlannedCommand<TrainCommand.Plan> {
    @Option(names = "--data", paramLabel = "DIR", split = ",",
            description = "labelled training data: CODE-15%% folder, WFDB folder (searched recursively) or PTB-XL "
                    + "root; several folders as --data A,B (or --data A --data B) train together, each exam id once "
                    + "(default: the synthetic default data/synthetic/code15, generated when absent)")
    private List<Path> data = List.of();

    @Option(names = "--leads", paramLabel = "LIST", defaultValue = "all",
            description = "leads the model sees, e.g. V1,I, or all (default: ${DEFAULT-VALUE})")
    private String leads;

    @Option(names = "--input", paramLabel = "MODE", defaultValue = "masked",
            description = "masked: 12 channels, other leads zeroed; reduced: only the listed leads' channels, "
                    + "in_channels = |leads| (default: ${DEFAULT-VALUE})")
    private String input;

    @Option(names = "--lead-dropout",
            description = "train the 12-input model for any lead subset: every training row keeps a random non-empty "
                    + "subset of the 12 leads (a size uniform on 1..12, then a uniform subset of that size), the others "
                    + "zeroed; validation rows keep one fixed seeded subset each. For jbang subset-search "
                    + "(default output: runs/train-12-lead-dropout)")
    private boolean leadDropout;

    @Option(names = "--full-lead-share", paramLabel = "FRACTION", defaultValue = "0",
            description = "with --lead-dropout: share of rows that keep all 12 leads on top of the 1/12 that draw "
                    + "size 12 (default: ${DEFAULT-VALUE})")
    private double fullLeadShare;

    @Option(names = "--epochs", defaultValue = "" + TrainConfig.DEFAULT_EPOCHS,
            description = "passes over the training split (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Option(names = "--lr-max", defaultValue = "" + TrainConfig.DEFAULT_LR_MAX,
            description = "learning rate at the first step (default: ${DEFAULT-VALUE})")
    private double lrMax;

    @Option(names = "--lr-min", defaultValue = "" + TrainConfig.DEFAULT_LR_MIN,
            description = "learning rate approached at the last step; equal to --lr-max for a constant rate "
                    + "(default: ${DEFAULT-VALUE})")
    private double lrMin;

    @Option(names = "--weight-decay", defaultValue = "" + TrainConfig.DEFAULT_WEIGHT_DECAY,
            description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE})")
    private double weightDecay;

    @Mixin
    private final SeedOptions seeds = new SeedOptions(TrainConfig.DEFAULT_SEED);

    @Option(names = "--patient-split",
            description = "split by patient 90/10 even where the data has an official split (PTB-XL: strat_fold "
                    + "1-8 train, 9 validation, used by default)")
    private boolean patientSplit;

    @Mixin
    private final SamplingOptions sampling = new SamplingOptions();

    @Option(names = "--max-exams", defaultValue = "0",
            description = "use only the first N exams before splitting, for quick runs (default: 0 = all)")
    private int maxExams;

    @Mixin
    private final ModelRunOptions run = new ModelRunOptions(TrainConfig.DEFAULT_BATCH_SIZE);

    @Mixin
    private final OutputFolderOption output = new OutputFolderOption("train-<leads>-<input>");

    @Option(names = "--init", paramLabel = "WEIGHTS",
            description = "start from these weights (checkpoint folder, run folder or PyTorch state_dict .npz) "
                    + "to fine-tune, e.g. data/checkpoints/lga12-synthetic with --lr-max 1e-4 --lr-min 1e-4; weights "
                    + "of another channel count, or a reduced model of other leads, are refused")
    private Path init;

    @Option(names = "--resume", description = "continue the run in --output from its last completed epoch")
    private boolean resume;

    @Spec
    private CommandSpec spec;

    /**
     * What train runs.
     *
     * @param config           the training configuration; its data is the synthetic default's path when
     *                         {@code syntheticDefault}, generated before training
     * @param syntheticDefault whether --data was absent
     * @param threads          libtorch's threads (null: one per core)
     */
    record Plan(TrainConfig config, boolean syntheticDefault, Integer threads) {
    }

    @Override
    public List<OptionRule> rules() {
        return List.of(OptionRule.needs("--full-lead-share", "--lead-dropout",
                "it is the share of all-12-lead rows of lead-dropout training"));
    }

    @Override
    public Plan plan() {
        OptionRule.check(rules(), spec.commandLine().getParseResult());
        DeviceOptions.Choice devices = run.devices();
        List<Lead> leadList = leads.equalsIgnoreCase("all") ? List.of(Lead.values()) : Lead.parseList(leads);
        List<Path> folders = !data.isEmpty() ? data : List.of(DefaultData.location().code15());
        TrainConfig config = TrainConfig.builder().folders(folders).balanced(sampling.balanced())
                .gainAugment(sampling.gainAugment()).leads(leadList).input(InputMode.parse(input))
                .epochs(epochs).batchSize(run.batchSize()).learningRates(lrMax, lrMin).weightDecay(weightDecay)
                .seed(seeds.seed()).splitSeed(seeds.splitSeed()).maxExams(maxExams).device(devices.device())
                .output(output.given()).init(init)
                .resume(resume).leadDropout(leadDropout, fullLeadShare).patientSplit(patientSplit).build();
        return new Plan(config, data.isEmpty(), devices.threads());
    }

    @Override
    public int run(Plan plan) {
        new DeviceOptions.Choice(plan.config().device(), plan.threads()).applyThreads();
        TrainConfig config = plan.config();
        if (plan.syntheticDefault()) {
            config = config.toBuilder().data(DefaultData.trainingDataOr(null)).build();
        }
        TrainingResult result = TrainingRun.run(config, new ConsoleProgress());
        System.out.printf(Locale.ROOT, "best epoch %d of %d: val loss %.4f, val macro F1 %.4f%ncheckpoint %s%n",
                result.bestEpoch(), result.history().size(), result.bestValLoss(), result.best().valMacroF1(),
                result.bestCheckpoint());
        return 0;
    }
}
