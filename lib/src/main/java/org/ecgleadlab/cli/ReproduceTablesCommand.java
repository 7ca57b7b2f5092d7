package org.ecgleadlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.adapt.AdaptationSetup;
import org.ecgleadlab.adapt.GridRunner;
import org.ecgleadlab.adapt.LeadSubset;
import org.ecgleadlab.adapt.ReproduceTables;
import org.ecgleadlab.adapt.ReproductionFolder;
import org.ecgleadlab.cli.options.OutputFolderOption;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.report.Tables;
import org.ecgleadlab.subsets.NamedSubsets;
import org.ecgleadlab.train.ConsoleProgress;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jbang reproduce-tables}: the paper's Tables 1 and 2 from the whole adaptation grid. */
@Command(name = "reproduce-tables", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the adaptation grid of the paper (§5.2-5.3): the 12-lead baseline; Top-1, Top-2, Top-3 x",
            "inference with masking, fine-tuning with masking, training with masking, reduced channels; Bottom-3 with",
            "reduced channels. Prints and saves Table 1 and Table 2 (CSV, Markdown) with the paper's values beside ours,",
            "95 %% bootstrap intervals, paired tests against the baseline, and plots. Finished runs are reused, so an",
            "interrupted grid resumes where it stopped."})
public final class ReproduceTablesCommand implements PlannedCommand<ReproduceTablesCommand.Plan> {
    @Option(names = "--ranking", paramLabel = "FILE",
            description = "ranking.json written by rank-leads: its Top-1/2/3 and Bottom-3, its split seed and its"
                    + " checkpoint (default: runs/rank-leads/ranking.json)")
    private Path ranking;

    @Option(names = "--paper-subsets",
            description = "use the paper's subsets instead of a ranking, refused with --ranking (Top-1 V1, Top-2 V1,I,"
                    + " Top-3 V1,I,II,"
                    + " Bottom-3 III,aVL,aVF)")
    private boolean paperSubsets;

    /** Where the tables, plots and report go; the default's name depends on --profile. */
    @Mixin
    private final OutputFolderOption output = new OutputFolderOption(ReproductionFolder.DEFAULT_NAME);

    @Option(names = "--finished-only",
            description = "train and score nothing: tabulate the runs already finished (a grid stopped half-way or"
                    + " still running elsewhere); the baseline must be among them")
    private boolean finishedOnly;

    @Mixin
    private final AdaptationOptions shared = new AdaptationOptions();

    @Spec
    private CommandSpec spec;

    private final GridRunner runner;

    /** The command as {@code ./jbang reproduce-tables} runs it: every run in this JVM. */
    public ReproduceTablesCommand() {
        this(GridRunner.IN_THIS_JVM);
    }

    /** The same command with the grid's runs executed by {@code runner} (the Spark path's tasks). */
    public ReproduceTablesCommand(GridRunner runner) {
        this.runner = runner;
    }

    /**
     * What reproduce-tables runs.
     *
     * @param ranking      the ranking read; null with {@code paperSubsets}
     * @param paperSubsets the paper's subsets instead of a ranking
     * @param output       the folder given with -o, or null: {@link ReproductionFolder#defaultFolder} of the profile
     * @param finishedOnly tabulate finished runs only
     * @param shared       the options shared with adapt
     */
    record Plan(Path ranking, boolean paperSubsets, Path output, boolean finishedOnly, AdaptationOptions.Plan shared) {
    }

    @Override
    public List<OptionRule> rules() {
        List<OptionRule> rules = new java.util.ArrayList<>(AdaptationOptions.rules());
        rules.add(OptionRule.conflicts("--paper-subsets", "--ranking",
                "--paper-subsets uses the paper's subsets, --ranking those of a ranking"));
        return rules;
    }

    @Override
    public Plan plan() {
        OptionRule.check(rules(), spec.commandLine().getParseResult());
        Path file = paperSubsets ? null : ranking != null ? ranking
                : ProjectPaths.runs().resolve("rank-leads").resolve(RankingFile.FILE_NAME);
        return new Plan(file, paperSubsets, output.given(), finishedOnly, shared.plan());
    }

    @Override
    public int run(Plan plan) {
        List<LeadSubset> top;
        LeadSubset bottom;
        AdaptationSetup setup;
        AdaptationOptions.Plan options = plan.shared();
        if (plan.paperSubsets()) {
            List<LeadSubset> paper = LeadSubset.rankedOrPaper(null);
            top = paper.subList(0, 3);
            bottom = paper.get(3);
            setup = AdaptationOptions.setup(options, null, null, runner);
        } else {
            Path file = plan.ranking();
            if (!Files.isRegularFile(file)) {
                throw new EcgLabException(file + ": no lead ranking; run ./jbang rank-leads first, pass --ranking FILE,"
                        + " or --paper-subsets to use the paper's subsets");
            }
            RankingFile ranked = RankingFile.read(file);
            Long splitSeed = options.splitSeed();
            if (splitSeed != null && splitSeed != ranked.splitSeed()) {
                throw new EcgLabException("--split-seed " + splitSeed + " differs from the split seed "
                        + ranked.splitSeed() + " of " + file + "; the evaluation half would overlap the exams the"
                        + " ranking saw: drop --split-seed or rank again with it");
            }
            List<LeadSubset> subsets = LeadSubset.rankedOrPaper(ranked);
            top = subsets.subList(0, 3);
            bottom = subsets.get(3);
            String checkpoint = ranked.provenance().checkpoint();
            setup = AdaptationOptions.setup(options, checkpoint == null ? null : Path.of(checkpoint),
                    ranked.splitSeed(), runner);
        }
        List<LeadSubset> named = AdaptationOptions.namedSubsets(options);
        if (!named.isEmpty()) { // the named subsets go through the four strategies like Top-k
            List<LeadSubset> existing = new java.util.ArrayList<>(top);
            existing.add(bottom);
            List<LeadSubset> extra = NamedSubsets.without(named, existing, (skipped, twin) -> System.out.println(
                    "--subsets: " + skipped.name() + " " + skipped.paperLabel() + " is " + twin.name()
                            + ", already in the grid"));
            top = new java.util.ArrayList<>(top);
            top.addAll(extra);
        }
        Path out = plan.output() != null ? plan.output() : ReproductionFolder.defaultFolder(setup.profile().name());
        ReproduceTables.Outcome outcome = ReproduceTables.run(setup, top, bottom, options.thresholds(),
                options.store(), out, new ConsoleProgress(), plan.finishedOnly() ? null : runner);
        outcome.tables().forEach((file, table) -> {
            Tables.print(table, file.format());
            System.out.println();
        });
        ReproduceTables.notes(outcome, setup, options.thresholds()).forEach(n -> System.out.println("- " + n));
        System.out.println("- " + outcome.reused() + " of " + outcome.results().size() + " runs reused from "
                + options.store() + "; tables, plots and report.md in " + out);
        return 0;
    }
}
