package org.ecgleadlab.cli;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.adapt.AdaptationGrid;
import org.ecgleadlab.adapt.AdaptationResults;
import org.ecgleadlab.adapt.AdaptationResults.RunResult;
import org.ecgleadlab.adapt.AdaptationSetup;
import org.ecgleadlab.adapt.GridRunner;
import org.ecgleadlab.adapt.LeadSubset;
import org.ecgleadlab.adapt.PaperTables;
import org.ecgleadlab.adapt.ReproductionFolder.TableFile;
import org.ecgleadlab.adapt.RunSpec;
import org.ecgleadlab.adapt.RunStore;
import org.ecgleadlab.adapt.Strategy;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.metrics.Bootstrap;
import org.ecgleadlab.subsets.NamedSubsets;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.report.Tables;
import org.ecgleadlab.train.ConsoleProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jbang adapt}: one lead subset, one adaptation strategy, evaluated against the 12-lead baseline. */
@Command(name = "adapt", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Adapt the 12-lead LGA-ECG to a lead subset with one strategy of the paper (§4.3) and score it",
            "on the evaluation half of the test pool, with 95 %% bootstrap intervals and a paired test against the",
            "12-lead baseline. Finished runs are reused (keyed by data, leads, strategy, profile, seeds, baseline)."})
public final class AdaptCommand implements PlannedCommand<AdaptCommand.Plan> {
    @Option(names = "--leads", paramLabel = "LIST",
            description = "lead subset, e.g. V1,I (or name subsets with --subsets)")
    private String leads;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "reduced-channels",
            description = "inference-masking, finetune-masking, train-masking or reduced-channels"
                    + " (default: ${DEFAULT-VALUE})")
    private String strategy;

    @Mixin
    private final AdaptationOptions shared = new AdaptationOptions();

    @Spec
    private CommandSpec spec;

    private final GridRunner runner;

    /** The command as {@code ./jbang adapt} runs it: every run in this JVM. */
    public AdaptCommand() {
        this(GridRunner.IN_THIS_JVM);
    }

    /** The same command with the grid's runs executed by {@code runner} (the Spark path's tasks). */
    public AdaptCommand(GridRunner runner) {
        this.runner = runner;
    }

    /** What adapt runs: the subset given with --leads (null: none), the strategy, the shared options' plan. */
    record Plan(List<Lead> leads, Strategy strategy, AdaptationOptions.Plan shared) {
    }

    @Override
    public List<OptionRule> rules() {
        return AdaptationOptions.rules();
    }

    @Override
    public Plan plan() {
        OptionRule.check(rules(), spec.commandLine().getParseResult());
        return new Plan(leads == null ? null : Lead.parseList(leads), Strategy.parse(strategy), shared.plan());
    }

    @Override
    public int run(Plan plan) {
        List<LeadSubset> subsets = new java.util.ArrayList<>();
        if (plan.leads() != null) {
            subsets.add(LeadSubset.custom(plan.leads()));
        }
        subsets.addAll(NamedSubsets.without(AdaptationOptions.namedSubsets(plan.shared()), subsets,
                (skipped, twin) -> { }));
        if (subsets.isEmpty()) {
            throw new EcgLabException("no lead subset given; pass --leads V1,I or --subsets best,devices,V1+I");
        }
        Strategy chosen = plan.strategy();
        AdaptationSetup setup = AdaptationOptions.setup(plan.shared(), null, null, runner);
        List<AdaptationGrid.Cell> cells = new java.util.ArrayList<>();
        cells.add(new AdaptationGrid.Cell(LeadSubset.allLeads(), Strategy.BASELINE_12_LEAD));
        subsets.forEach(subset -> cells.add(new AdaptationGrid.Cell(subset, chosen)));
        List<RunSpec> specs = setup.specs(cells);
        RunStore store = new RunStore(plan.shared().store());
        List<AdaptationGrid.CellResult> finished = runner.run(specs, setup, store, new ConsoleProgress());
        List<RunResult> results = AdaptationResults.evaluate(finished, plan.shared().thresholds(),
                new Bootstrap(setup.profile().bootstrapResamples(), setup.seed()));
        for (TableFile file : List.of(TableFile.TABLE1, TableFile.TABLE1_INTERVALS, TableFile.PAIRED_TESTS)) {
            Tables.print(file.build(results), file.format());
        }
        System.out.println(PaperTables.DEFINITIONS + "; " + plan.shared().thresholds().describe() + ".");
        for (RunSpec spec : specs.subList(1, specs.size())) {
            System.out.println("run folder (model, predictions, provenance): " + store.folder(spec));
        }
        return 0;
    }
}
