package org.ecgleadlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecgleadlab.adapt.AdaptationGrid;
import org.ecgleadlab.adapt.AdaptationProfile;
import org.ecgleadlab.adapt.AdaptationResults;
import org.ecgleadlab.adapt.AdaptationResults.RunResult;
import org.ecgleadlab.adapt.AdaptationRun;
import org.ecgleadlab.adapt.AdaptationSetup;
import org.ecgleadlab.adapt.LeadSubset;
import org.ecgleadlab.adapt.PaperTables;
import org.ecgleadlab.adapt.ReproduceTables;
import org.ecgleadlab.adapt.ReproductionFolder.TableFile;
import org.ecgleadlab.adapt.RunSpec;
import org.ecgleadlab.adapt.RunStore;
import org.ecgleadlab.adapt.Strategy;
import org.ecgleadlab.cli.options.DeviceOptions;
import org.ecgleadlab.cli.options.SeedOptions;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.data.synthetic.SyntheticDefaults;
import org.ecgleadlab.metrics.Bootstrap;
import org.ecgleadlab.subsets.NamedSubsets;
import org.ecgleadlab.subsets.SubsetSearch;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.report.Tables;
import org.ecgleadlab.train.ConsoleProgress;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.util.ProjectPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jbang adapt}: one lead subset, one adaptation strategy, evaluated against the 12-lead baseline. */
@Command(name = "adapt", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Adapt the 12-lead LGA-ECG to a lead subset with one strategy of the paper (§4.3) and score it",
            "on the evaluation half of the test pool, with 95 %% bootstrap intervals and a paired test against the",
            "12-lead baseline. Finished runs are reused (keyed by data, leads, strategy, profile, seeds, baseline)."})
public final class AdaptCommand implements Callable<Integer> {
    @Option(names = "--leads", paramLabel = "LIST",
            description = "lead subset, e.g. V1,I (or name subsets with --subsets)")
    private String leads;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "reduced-channels",
            description = "inference-masking, finetune-masking, train-masking or reduced-channels"
                    + " (default: ${DEFAULT-VALUE})")
    private String strategy;

    @Mixin
    private Shared shared;

    /** Options shared with {@code reproduce-tables}. */
    public static final class Shared {
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

        @Option(names = "--checkpoint", paramLabel = "WEIGHTS",
                description = "the 12-lead baseline: checkpoint folder, run folder or state_dict .npz"
                        + " (default: the ranking's checkpoint, else the shipped one)")
        Path checkpoint;

        @Option(names = "--train-baseline", description = "train the 12-lead baseline with the profile's protocol"
                + " instead of using a given checkpoint, so every model has the same training budget")
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
                + " split (never on the evaluation half)")
        boolean tuneThresholds;

        @Mixin
        DeviceOptions device;

        @Option(names = "--subsets", paramLabel = "LIST", split = ",",
                description = "named subsets, comma-separated: best (the best subset of each size found by"
                        + " subset-search, as Best-k), devices (I; I+II; I+II+V2; I+II+III+V2; the six limb leads) or"
                        + " lead lists such as V1+I; e.g. --subsets best,devices,II+V2")
        List<String> subsets;

        @Option(names = "--subset-search", paramLabel = "DIR",
                description = "the subset-search output that --subsets best reads (default: runs/subset-search)")
        Path subsetSearch;

        @Option(names = "--store", paramLabel = "DIR",
                description = "folder of the runs, shared by adapt and reproduce-tables (default: runs/adaptation)")
        Path store;

        /** The profile with the command-line overrides applied. */
        AdaptationProfile profile() {
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
            return chosen;
        }

        /** The setup; {@code rankedCheckpoint} and {@code rankedSplitSeed} (may be null) come from a ranking. */
        AdaptationSetup setup(Path rankedCheckpoint, Long rankedSplitSeed) {
            Path trainingData = data;
            List<Path> pool = testPool;
            if (trainingData == null || pool == null || pool.isEmpty()) {
                SyntheticDataset synthetic = SyntheticDefaults.ensureGenerated();
                trainingData = trainingData != null ? trainingData : synthetic.code15();
                pool = pool != null && !pool.isEmpty() ? pool : synthetic.testPool();
            }
            Path baseline = checkpoint != null ? checkpoint
                    : rankedCheckpoint != null ? rankedCheckpoint : trainBaseline ? null : DefaultCheckpoint.forData(pool);
            long split = seeds.splitSeedOr(rankedSplitSeed);
            device.applyThreads();
            AdaptationSetup setup = new AdaptationSetup(trainingData, pool, baseline, profile(), split, seeds.seed(),
                    device.device());
            return trainBaseline ? ReproduceTables.withTrainedBaseline(setup, store(), new ConsoleProgress()) : setup;
        }

        AdaptationResults.ThresholdChoice thresholds() {
            return new AdaptationResults.ThresholdChoice(threshold, tuneThresholds);
        }

        /** The subsets named with --subsets, in order; empty without it. */
        List<LeadSubset> namedSubsets() {
            if (subsets == null || subsets.isEmpty()) {
                return List.of();
            }
            Path search = subsetSearch != null ? subsetSearch : ProjectPaths.runs().resolve(SubsetSearch.DEFAULT_OUTPUT);
            return NamedSubsets.parse(subsets, search);
        }

        Path store() {
            return store != null ? store : ProjectPaths.runs().resolve("adaptation");
        }
    }

    @Override
    public Integer call() {
        List<LeadSubset> subsets = new java.util.ArrayList<>();
        if (leads != null) {
            subsets.add(LeadSubset.custom(Lead.parseList(leads)));
        }
        subsets.addAll(NamedSubsets.without(shared.namedSubsets(), subsets, (skipped, twin) -> { }));
        if (subsets.isEmpty()) {
            throw new EcgLabException("no lead subset given; pass --leads V1,I or --subsets best,devices,V1+I");
        }
        Strategy chosen = Strategy.parse(strategy);
        AdaptationSetup setup = shared.setup(null, null);
        List<AdaptationGrid.Cell> cells = new java.util.ArrayList<>();
        cells.add(new AdaptationGrid.Cell(LeadSubset.allLeads(), Strategy.BASELINE_12_LEAD));
        subsets.forEach(subset -> cells.add(new AdaptationGrid.Cell(subset, chosen)));
        List<RunSpec> specs = setup.specs(cells);
        RunStore store = new RunStore(shared.store());
        List<AdaptationGrid.CellResult> finished = AdaptationGrid.run(specs, store,
                new AdaptationRun(setup, new ConsoleProgress()));
        List<RunResult> results = AdaptationResults.evaluate(finished, shared.thresholds(),
                new Bootstrap(setup.profile().bootstrapResamples(), setup.seed()));
        for (TableFile file : List.of(TableFile.TABLE1, TableFile.TABLE1_INTERVALS, TableFile.PAIRED_TESTS)) {
            Tables.print(file.build(results), file.format());
        }
        System.out.println(PaperTables.DEFINITIONS + "; " + shared.thresholds().describe() + ".");
        for (RunSpec spec : specs.subList(1, specs.size())) {
            System.out.println("run folder (model, predictions, provenance): " + store.folder(spec));
        }
        return 0;
    }
}
