package org.ecgleadlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.cli.options.CheckpointOption;
import org.ecgleadlab.cli.options.DeviceOptions;
import org.ecgleadlab.cli.options.LeadInputOptions;
import org.ecgleadlab.cli.options.ModelRunOptions;
import org.ecgleadlab.cli.options.OutputFolderOption;
import org.ecgleadlab.cli.options.SeedOption;
import org.ecgleadlab.evaluate.Evaluate;
import org.ecgleadlab.evaluate.EvaluationReport;
import org.ecgleadlab.train.ExamScorer;
import org.ecgleadlab.util.EcgLabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jbang evaluate}: a checkpoint measured on labelled exams, every metric with a bootstrap interval. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure a trained LGA-ECG on labelled exams: per-condition and macro precision, recall, F1 "
                + "and accuracy at a threshold, ROC AUC and average precision (equal to scikit-learn's), each with a "
                + "95%% bootstrap interval over the exams; a confusion table; ROC and precision-recall curves (PNG, "
                + "SVG). Writes predictions.csv, metrics.csv, confusion.csv, the curve points, evaluation.json and "
                + "provenance.json into --output. With no DATA: the synthetic test pool and the shipped checkpoint.")
public final class EvaluateCommand implements PlannedCommand<EvaluateCommand.Plan> {
    @Parameters(paramLabel = "DATA", arity = "0..*",
            description = "labelled data folder (CODE-15%%, CODE-TEST, WFDB records, PTB-XL root: its test fold "
                    + "10), or several test-pool folders (CODE-TEST format or labelled WFDB) forming one pool "
                    + "(default: the synthetic test pool, generated when absent)")
    private List<Path> data = List.of();

    @Mixin
    private final CheckpointOption checkpoint = new CheckpointOption();

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "evaluate an existing predictions CSV (as written by predict or evaluate) without a model")
    private Path predictions;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "" + Evaluate.DEFAULT_THRESHOLD,
            description = "decision threshold for precision, recall, F1, accuracy and the confusion table, "
                    + "p >= P is positive (default: ${DEFAULT-VALUE})")
    private String threshold;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "" + Evaluate.DEFAULT_BOOTSTRAP,
            description = "resamples of the exams for the 95%% intervals (default: ${DEFAULT-VALUE})")
    private int bootstrap;

    @Mixin
    private final SeedOption seed = new SeedOption(Evaluate.DEFAULT_SEED);

    @Mixin
    private LeadInputOptions feed;

    @Mixin
    private final ModelRunOptions run = new ModelRunOptions(Evaluate.DEFAULT_BATCH_SIZE);

    @Mixin
    private final OutputFolderOption output = new OutputFolderOption("evaluate");

    @Spec
    private CommandSpec spec;

    private final ExamScorer scorer;

    /** The single-JVM command. */
    public EvaluateCommand() {
        this(ExamScorer.IN_THIS_JVM);
    }

    /** The same command with its exams scored by {@code scorer} (the Spark path's tasks). */
    public EvaluateCommand(ExamScorer scorer) {
        this.scorer = scorer;
    }

    /** What evaluate runs: the job's options, libtorch's threads (null: one per core), the output folder. */
    record Plan(Evaluate.Options options, Integer threads, Path folder) {
    }

    @Override
    public List<OptionRule> rules() {
        String why = "--predictions is evaluated as it is, no model runs";
        return List.of(OptionRule.conflicts("--predictions", "--batch-size", why),
                OptionRule.conflicts("--predictions", "--device", why),
                OptionRule.conflicts("--predictions", "--threads", why));
    }

    @Override
    public Plan plan() {
        OptionRule.check(rules(), spec.commandLine().getParseResult());
        DeviceOptions.Choice devices = run.devices();
        Evaluate.Options options = new Evaluate.Options(data, checkpoint.given(), predictions,
                parseThreshold(threshold), bootstrap, seed.seed(), feed.leadsOr(null), feed.inputOr(null),
                run.batchSize(), devices.device());
        return new Plan(options, devices.threads(), output.folder());
    }

    @Override
    public int run(Plan plan) {
        new DeviceOptions.Choice(plan.options().device(), plan.threads()).applyThreads();
        Evaluate.Outcome outcome = Evaluate.run(plan.options(), scorer);
        EvaluationReport.print(outcome);
        Path folder = plan.folder();
        EvaluationReport.write(outcome, folder);
        System.out.printf(Locale.ROOT, "%nwrote %s%n", folder.toAbsolutePath().normalize());
        return 0;
    }

    /** Parsed here, not by picocli, so a typo is one line naming the option rather than a usage screen. */
    static double parseThreshold(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new EcgLabException("--threshold is '" + text + "'; use a probability in [0, 1], e.g. 0.5");
        }
    }
}
