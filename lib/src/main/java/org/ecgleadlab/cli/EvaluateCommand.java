package org.ecgleadlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.cli.options.CheckpointOption;
import org.ecgleadlab.cli.options.DeviceOptions;
import org.ecgleadlab.cli.options.LeadInputOptions;
import org.ecgleadlab.cli.options.ModelRunOptions;
import org.ecgleadlab.cli.options.OutputFolderOption;
import org.ecgleadlab.cli.options.SamplingOptions;
import org.ecgleadlab.cli.options.SeedOption;
import org.ecgleadlab.evaluate.CrossValidation;
import org.ecgleadlab.evaluate.CrossValidationReport;
import org.ecgleadlab.evaluate.Evaluate;
import org.ecgleadlab.evaluate.EvaluationReport;
import org.ecgleadlab.metrics.Bootstrap;
import org.ecgleadlab.train.ConsoleProgress;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.train.ExamScorer;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.PerExamOutput;
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
                + "provenance.json into --output. With no DATA: the synthetic test pool and the synthetic-only checkpoint; on other data the "
                + "default lga12-real. --cross-validate K measures fine-tuning on real records by k-fold cross-validation.")
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

    @Option(names = "--cross-validate", paramLabel = "K", defaultValue = "0",
            description = "k-fold cross-validation of fine-tuning on DATA's labelled records (each record once, folds "
                    + "grouped by patient and stratified by label, seeded by --seed): for every fold the --checkpoint "
                    + "(default: the synthetic-only " + DefaultCheckpoint.SYNTHETIC_RELATIVE_PATH + ") is fine-tuned "
                    + "on the other folds and scores the held-out one; writes per-class AUC with intervals beside the "
                    + "start model's, on the same records (docs/evaluate.md) (default: 0 = off)")
    private int crossValidate;

    @Option(names = "--fine-tune-epochs", paramLabel = "N",
            description = "with --cross-validate: epochs of each fold's fine-tuning (default: "
                    + CrossValidation.Recipe.DEFAULT_EPOCHS + ")")
    private Integer fineTuneEpochs;

    @Option(names = "--fine-tune-lr", paramLabel = "LR",
            description = "with --cross-validate: constant learning rate of fine-tuning (default: "
                    + CrossValidation.Recipe.DEFAULT_LEARNING_RATE + ")")
    private Double fineTuneLr;

    @Mixin
    private final SamplingOptions sampling = new SamplingOptions();

    @Option(names = "--train-final",
            description = "with --cross-validate: afterwards fine-tune with the same recipe on every record, into "
                    + "OUTPUT/final (the model to ship)")
    private boolean trainFinal;

    @Spec
    private CommandSpec spec;

    private final ExamScorer scorer;
    private final PerExamOutput perExamOutput;

    /** The single-JVM command. */
    public EvaluateCommand() {
        this(ExamScorer.IN_THIS_JVM);
    }

    /** The same command with its exams scored by {@code scorer} (the Spark path's tasks). */
    public EvaluateCommand(ExamScorer scorer) {
        this(scorer, PerExamOutput.CSV);
    }

    /** The same command with its predictions written to {@code perExamOutput} (the Spark path's --format). */
    public EvaluateCommand(ExamScorer scorer, PerExamOutput perExamOutput) {
        this.scorer = scorer;
        this.perExamOutput = perExamOutput;
    }

    /**
     * What evaluate runs: the job's options (null with {@code crossValidation}), libtorch's threads (null: one per
     * core), the output folder; or the cross-validation's options and the command line that asked for it.
     */
    record Plan(Evaluate.Options options, Integer threads, Path folder, CrossValidation.Options crossValidation,
                String command) {
    }

    @Override
    public List<OptionRule> rules() {
        String why = "--predictions is evaluated as it is, no model runs";
        String crossValidation = "--cross-validate fine-tunes the checkpoint on all its leads and reports ROC AUC";
        List<OptionRule> rules = new ArrayList<>(List.of(OptionRule.conflicts("--predictions", "--batch-size", why),
                OptionRule.conflicts("--predictions", "--device", why),
                OptionRule.conflicts("--predictions", "--threads", why)));
        for (String other : List.of("--predictions", "--leads", "--input", "--threshold")) {
            rules.add(OptionRule.conflicts("--cross-validate", other, crossValidation));
        }
        for (String recipe : List.of("--fine-tune-epochs", "--fine-tune-lr", "--balanced", "--gain-augment",
                "--train-final")) {
            rules.add(OptionRule.needs(recipe, "--cross-validate", "it sets up the cross-validation's fine-tuning"));
        }
        return rules;
    }

    @Override
    public Plan plan() {
        OptionRule.check(rules(), spec.commandLine().getParseResult());
        DeviceOptions.Choice devices = run.devices();
        if (crossValidate > 0) {
            perExamOutput.refuseUnless(false, "--cross-validate writes per-fold results, not one predictions file: "
                    + "drop one of them");
            return crossValidationPlan(devices);
        }
        Evaluate.Options options = new Evaluate.Options(data, checkpoint.given(), predictions,
                parseThreshold(threshold), bootstrap, seed.seed(), feed.leadsOr(null), feed.inputOr(null),
                run.batchSize(), devices.device());
        return new Plan(options, devices.threads(), output.folder(), null, null);
    }

    private Plan crossValidationPlan(DeviceOptions.Choice devices) {
        Path start = checkpoint.given() != null ? checkpoint.given() : DefaultCheckpoint.synthetic();
        // evaluate's own default batch (32) is for inference; fine-tuning a hundred records takes 16 unless asked
        int batchSize = spec.commandLine().getParseResult().hasMatchedOption("--batch-size") ? run.batchSize()
                : CrossValidation.Recipe.DEFAULT_BATCH_SIZE;
        CrossValidation.Recipe recipe = new CrossValidation.Recipe(
                fineTuneEpochs != null ? fineTuneEpochs : CrossValidation.Recipe.DEFAULT_EPOCHS,
                fineTuneLr != null ? fineTuneLr : CrossValidation.Recipe.DEFAULT_LEARNING_RATE, batchSize,
                sampling.balanced(), sampling.gainAugment(), seed.seed());
        Path folder = output.folder();
        CrossValidation.Options options = new CrossValidation.Options(data, start, crossValidate, seed.seed(), recipe,
                bootstrap, devices.device(), folder, trainFinal);
        String command = "./jbang evaluate " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        return new Plan(null, devices.threads(), folder, options, command);
    }

    @Override
    public int run(Plan plan) {
        if (plan.crossValidation() != null) {
            return crossValidate(plan);
        }
        new DeviceOptions.Choice(plan.options().device(), plan.threads()).applyThreads();
        Evaluate.Outcome outcome = Evaluate.run(plan.options(), scorer);
        EvaluationReport.print(outcome);
        Path folder = plan.folder();
        EvaluationReport.write(outcome, folder, perExamOutput);
        System.out.printf(Locale.ROOT, "%nwrote %s%n", folder.toAbsolutePath().normalize());
        return 0;
    }

    private static int crossValidate(Plan plan) {
        CrossValidation.Options options = plan.crossValidation();
        new DeviceOptions.Choice(options.device(), plan.threads()).applyThreads();
        CrossValidation.Outcome outcome = CrossValidation.run(options, new ConsoleProgress());
        List<CrossValidationReport.Row> rows = CrossValidationReport.rows(outcome,
                new Bootstrap(options.bootstrap(), options.foldSeed()));
        CrossValidationReport.write(outcome, rows, plan.command(), plan.folder());
        System.out.println(CrossValidationReport.markdown(rows));
        System.out.printf(Locale.ROOT, "wrote %s%n", plan.folder().toAbsolutePath().normalize());
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
