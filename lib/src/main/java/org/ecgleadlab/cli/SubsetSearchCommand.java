package org.ecgleadlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.cli.options.CheckpointOption;
import org.ecgleadlab.cli.options.DeviceOptions;
import org.ecgleadlab.cli.options.ModelRunOptions;
import org.ecgleadlab.cli.options.OutputFolderOption;
import org.ecgleadlab.cli.options.SeedOptions;
import org.ecgleadlab.subsets.SubsetReport;
import org.ecgleadlab.subsets.SubsetSearch;
import org.ecgleadlab.subsets.SubsetSearchRunner;
import org.ecgleadlab.subsets.SubsetSummary;
import org.ecgleadlab.train.ConsoleProgress;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jbang subset-search}: is the ranking right? Every subset of up to 3 leads, measured. */
@Command(name = "subset-search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure every lead subset of 1 to --max-size leads (3: 12 + 66 + 220 = 298) and the device "
                + "lead sets (I; I+II; I+II+V2; I+II+III+V2; the six limb leads; all 12) by masked inference of one "
                + "lead-dropout model on the test pool's evaluation half: macro F1, macro ROC AUC and per-class F1 with "
                + "95 %% bootstrap intervals. Reports the best subset of each size and those level with it (paired "
                + "bootstrap), where the ranking's Top-1/2/3 and Bottom-3 stand among the subsets of their size, and how "
                + "a subset's fused importance correlates with its F1. Writes subsets.csv, summary.json, "
                + "f1-vs-size.png/svg and provenance.json; finished subsets are kept in predictions/ so an interrupted "
                + "search resumes.")
public final class SubsetSearchCommand implements PlannedCommand<SubsetSearchCommand.Plan> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "CODE-15%%-format folder: train (or resume) a lead-dropout model on it into "
                    + "runs/train-12-lead-dropout and search with that model instead of the shipped one; refused "
                    + "with --checkpoint (default: the shipped model; the synthetic default when one must be trained)")
    private Path data;

    @Option(names = "--test-data", paramLabel = "DIR", split = ",",
            description = "test-pool folders in CODE-TEST format (e.g. code-test,audit), or one CODE-15%% folder "
                    + "(default: the synthetic test pool)")
    private List<Path> testData = List.of();

    @Mixin
    private final CheckpointOption checkpoint = new CheckpointOption("the lead-dropout model "
            + DefaultCheckpoint.LEAD_DROPOUT_RELATIVE_PATH + " when present and neither --data nor --epochs is given, "
            + "else one trained here");

    @Option(names = "--ranking", paramLabel = "FILE",
            description = "ranking.json of rank-leads to compare with (default: runs/rank-leads/ranking.json when "
                    + "present; without one the comparison is left out)")
    private Path ranking;

    @Option(names = "--max-size", defaultValue = "" + SubsetSearch.DEFAULT_MAX_SIZE,
            description = "largest subset size searched exhaustively, 1-12; 12 = all 4,095 subsets, for a GPU "
                    + "(default: ${DEFAULT-VALUE})")
    private int maxSize;

    @Option(names = "--threshold", defaultValue = "0.5",
            description = "decision threshold of every class for F1 (default: ${DEFAULT-VALUE})")
    private double threshold;

    @Mixin
    private final SeedOptions seeds = new SeedOptions(1);

    @Option(names = "--bootstrap", defaultValue = "" + SubsetSearch.DEFAULT_BOOTSTRAP,
            description = "bootstrap resamples of the exams (default: ${DEFAULT-VALUE})")
    private int bootstrap;

    @Option(names = "--max-exams", defaultValue = "0",
            description = "evaluate only the first N exams of the evaluation half, for a quick look (default: 0 = all)")
    private int maxExams;

    @Option(names = "--epochs", paramLabel = "N",
            description = "train (or resume) a lead-dropout model for N epochs and search with it instead of the "
                    + "shipped one; refused with --checkpoint (default: " + TrainConfig.DEFAULT_EPOCHS + " when one is "
                    + "trained)")
    private Integer epochs;

    @Mixin
    private final ModelRunOptions run = new ModelRunOptions(SubsetSearch.DEFAULT_BATCH_SIZE);

    @Mixin
    private final OutputFolderOption output = new OutputFolderOption(SubsetSearch.DEFAULT_OUTPUT);

    @Spec
    private CommandSpec spec;

    private final SubsetSearchRunner runner;

    /** The single-JVM command: training and masked inference in this JVM. */
    public SubsetSearchCommand() {
        this(SubsetSearchRunner.IN_THIS_JVM);
    }

    /** The command with its training and masked inference run by {@code runner} (the Spark path gives its own). */
    public SubsetSearchCommand(SubsetSearchRunner runner) {
        this.runner = runner;
    }

    /** What subset-search runs: the job's options and libtorch's threads (null: one per core). */
    record Plan(SubsetSearch.Options options, Integer threads) {
    }

    @Override
    public List<OptionRule> rules() {
        String why = "--checkpoint names the lead-dropout model to search with, --data and --epochs train a new one";
        return List.of(OptionRule.conflicts("--checkpoint", "--data", why),
                OptionRule.conflicts("--checkpoint", "--epochs", why));
    }

    @Override
    public Plan plan() {
        OptionRule.check(rules(), spec.commandLine().getParseResult());
        DeviceOptions.Choice devices = run.devices();
        SubsetSearch.Options options = new SubsetSearch.Options(data, testData, checkpoint.given(), ranking, maxSize,
                threshold, seeds.seed(), seeds.givenSplitSeed(), bootstrap, maxExams, run.batchSize(), epochs,
                devices.device(), output.folder());
        return new Plan(options, devices.threads());
    }

    @Override
    public int run(Plan plan) {
        new DeviceOptions.Choice(plan.options().device(), plan.threads()).applyThreads();
        SubsetSearch.Options options = plan.options();
        Path folder = options.output();
        long start = System.nanoTime();
        SubsetSearch.Outcome outcome = SubsetSearch.run(options, new ConsoleProgress(), runner);
        SubsetSummary summary = SubsetReport.write(outcome, folder);
        SubsetReport.print(summary);
        System.out.printf(Locale.ROOT, "%nwrote %s (%s, %s, %s.png) in %.0f s; %d subsets run through the model, "
                        + "the others reused from predictions/%n", folder.toAbsolutePath().normalize(),
                SubsetReport.CSV_FILE, SubsetSummary.FILE_NAME, SubsetReport.FIGURE_FILE,
                (System.nanoTime() - start) / 1e9, outcome.computedSets());
        return 0;
    }
}
