package org.ecgleadlab.cli;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.adapt.AdaptationProfile;
import org.ecgleadlab.adapt.AdaptationResults;
import org.ecgleadlab.adapt.AdaptationSetup;
import org.ecgleadlab.adapt.GridRunner;
import org.ecgleadlab.adapt.LeadSubset;
import org.ecgleadlab.adapt.ReproduceTables;
import org.ecgleadlab.cli.options.CheckpointOption;
import org.ecgleadlab.cli.options.DeviceOptions;
import org.ecgleadlab.cli.options.SeedOptions;
import org.ecgleadlab.subsets.NamedSubsets;
import org.ecgleadlab.subsets.SubsetSearch;
import org.ecgleadlab.train.ConsoleProgress;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.train.DefaultData;
import org.ecgleadlab.util.ProjectPaths;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code adapt} and {@code reproduce-tables} share, and the plan they make of them. */
public final class AdaptationOptions {
    /** The run store under {@code runs/} without --store. */
    static final String DEFAULT_STORE = "adaptation";

    @Option(names = "--profile", defaultValue = "quick",
            description = "quick (synthetic default, few epochs, capped exams; minutes on a CPU: checks the"
                    + " pipeline), cpu (10 epochs on 1,000 exams; about 40 minutes for the grid on 2 cores:"
                    + " models trained from scratch learn) or paper (AdamW, cosine 1e-3 -> 1e-6, fine-tune 1e-7, all exams; meant for a GPU)"
                    + " (default: quick)")
    String profile;

    @Option(names = "--data", paramLabel = "DIR",
            description = "CODE-15%%-format training folder (default: the synthetic default, generated when absent)")
    Path data;

    @Option(names = "--test-pool", paramLabel = "DIR", split = ",",
            description = "CODE-TEST-format folders forming the test pool, e.g. code-test,audit"
                    + " (default: the synthetic default's)")
    List<Path> testPool;

    @Mixin
    final CheckpointOption checkpoint = new CheckpointOption("the 12-lead baseline: the ranking's checkpoint, "
            + "else " + CheckpointOption.SHIPPED);

    @Option(names = "--train-baseline", description = "train the 12-lead baseline with the profile's protocol"
            + " instead of using a checkpoint, so every model has the same training budget; refused with --checkpoint")
    boolean trainBaseline;

    @Option(names = "--epochs", description = "override the profile's epochs")
    Integer epochs;

    @Option(names = "--max-train-exams", description = "override the profile's cap on training exams (0: all)")
    Integer maxTrainExams;

    @Option(names = "--finetune-lr", description = "override the profile's fine-tuning learning rate")
    Double finetuneLr;

    @Mixin
    final SeedOptions seeds = new SeedOptions(1);

    @Option(names = "--threshold", defaultValue = "0.5", description = "decision threshold for every class"
            + " (default: 0.5)")
    double threshold;

    @Option(names = "--tune-thresholds", description = "per-class thresholds maximising F1 on the validation"
            + " split (never on the evaluation half); refused with --threshold")
    boolean tuneThresholds;

    @Mixin
    final DeviceOptions device = new DeviceOptions();

    @Option(names = "--subsets", paramLabel = "LIST", split = ",",
            description = "named subsets, comma-separated: best (the best subset of each size found by"
                    + " subset-search, as Best-k), devices (I; I+II; I+II+V2; I+II+III+V2; the six limb leads) or"
                    + " lead lists such as V1+I; e.g. --subsets best,devices,II+V2")
    List<String> subsets;

    @Option(names = "--subset-search", paramLabel = "DIR",
            description = "the subset-search output that --subsets best reads; needs --subsets (default: runs/"
                    + SubsetSearch.DEFAULT_OUTPUT + ")")
    Path subsetSearch;

    @Option(names = "--store", paramLabel = "DIR",
            description = "folder of the runs, shared by adapt and reproduce-tables (default: runs/"
                    + DEFAULT_STORE + ")")
    Path store;

    /**
     * What the shared options give the job.
     *
     * @param profile       the profile with --epochs, --max-train-exams and --finetune-lr applied
     * @param data          training folder; null: the synthetic default's
     * @param testPool      test-pool folders; empty: the synthetic default's
     * @param checkpoint    the baseline given; null: a ranking's, else the shipped one (or trained)
     * @param trainBaseline train the baseline with the profile's protocol
     * @param seed          --seed
     * @param splitSeed     --split-seed given, or null: a ranking's, else the default
     * @param thresholds    --threshold or --tune-thresholds
     * @param devices       --device and --threads
     * @param subsets       --subsets as given (empty: none); parsed when the run starts, as "best" reads a file
     * @param subsetSearch  the subset-search folder "best" reads
     * @param store         the run store
     */
    record Plan(AdaptationProfile profile, Path data, List<Path> testPool, Path checkpoint, boolean trainBaseline,
                long seed, Long splitSeed, AdaptationResults.ThresholdChoice thresholds, DeviceOptions.Choice devices,
                List<String> subsets, Path subsetSearch, Path store) {
    }

    /** The pairs these options refuse, for the command's {@code rules()}. */
    static List<OptionRule> rules() {
        return List.of(
                OptionRule.conflicts("--checkpoint", "--train-baseline",
                        "--checkpoint gives the 12-lead baseline, --train-baseline trains it"),
                OptionRule.conflicts("--tune-thresholds", "--threshold",
                        "--tune-thresholds picks a threshold per class instead of the one --threshold gives"),
                OptionRule.needs("--subset-search", "--subsets", "it is the folder --subsets best reads"));
    }

    /** The plan of these options; the command has checked {@link #rules()}. */
    Plan plan() {
        AdaptationProfile chosen = AdaptationProfile.named(profile);
        if (epochs != null) {
            chosen = chosen.withEpochs(epochs);
        }
        if (maxTrainExams != null) {
            chosen = chosen.withMaxTrainExams(maxTrainExams);
        }
        if (finetuneLr != null) {
            chosen = chosen.withFinetuneLearningRate(finetuneLr);
        }
        return new Plan(chosen, data, testPool == null ? List.of() : List.copyOf(testPool), checkpoint.given(),
                trainBaseline, seeds.seed(), seeds.givenSplitSeed(),
                new AdaptationResults.ThresholdChoice(threshold, tuneThresholds), device.choice(),
                subsets == null ? List.of() : List.copyOf(subsets),
                subsetSearch != null ? subsetSearch : ProjectPaths.runs().resolve(SubsetSearch.DEFAULT_OUTPUT),
                store != null ? store : ProjectPaths.runs().resolve(DEFAULT_STORE));
    }

    /**
     * The setup of {@code plan}; {@code rankedCheckpoint} and {@code rankedSplitSeed} (may be null) come from a
     * ranking. Generates the synthetic default when a folder is not given, and trains the baseline when asked (as a
     * one-run grid of {@code runner}: in this JVM, or as a Spark task).
     */
    static AdaptationSetup setup(Plan plan, Path rankedCheckpoint, Long rankedSplitSeed, GridRunner runner) {
        Path trainingData = DefaultData.trainingDataOr(plan.data());
        List<Path> pool = DefaultData.testPoolOr(plan.testPool());
        Path baseline = plan.checkpoint() != null ? plan.checkpoint()
                : rankedCheckpoint != null ? rankedCheckpoint : plan.trainBaseline() ? null : DefaultCheckpoint.forData(pool);
        long split = plan.splitSeed() != null ? plan.splitSeed()
                : rankedSplitSeed != null ? rankedSplitSeed : SeedOptions.DEFAULT_SPLIT_SEED;
        plan.devices().applyThreads();
        AdaptationSetup setup = new AdaptationSetup(trainingData, pool, baseline, plan.profile(), split, plan.seed(),
                plan.devices().device());
        return plan.trainBaseline()
                ? ReproduceTables.withTrainedBaseline(setup, plan.store(), new ConsoleProgress(), runner) : setup;
    }

    /** The subsets named with --subsets, in order; empty without it. */
    static List<LeadSubset> namedSubsets(Plan plan) {
        return plan.subsets().isEmpty() ? List.of() : NamedSubsets.parse(plan.subsets(), plan.subsetSearch());
    }
}
