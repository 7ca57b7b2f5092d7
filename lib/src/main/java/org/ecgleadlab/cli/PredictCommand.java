package org.ecgleadlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.cli.options.CheckpointOption;
import org.ecgleadlab.cli.options.DeviceOptions;
import org.ecgleadlab.cli.options.LeadInputOptions;
import org.ecgleadlab.cli.options.ModelRunOptions;
import org.ecgleadlab.cli.options.OutputFolderOption;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.metrics.MultiLabelMetrics;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.train.Checkpoint;
import org.ecgleadlab.train.ExamScorer;
import org.ecgleadlab.train.InputMode;
import org.ecgleadlab.train.Prediction;
import org.ecgleadlab.train.ScoringRequest;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.PerExamOutput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jbang predict}: runs trained weights on CODE exams or on a raw input tensor. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a trained LGA-ECG on a CODE-15%%, CODE-TEST, WFDB or PTB-XL folder (or one HDF5 file or "
                + ".hea record in one): writes exam_id, the six probabilities and the labels per exam as "
                + "predictions.csv into --output. Or on an .npz tensor (--npz-input): prints the logits as CSV with "
                + "full float precision (logits.csv in --output when given).")
public final class PredictCommand implements PlannedCommand<PredictCommand.Plan> {
    /** The file written into the output folder for DATA. */
    public static final String PREDICTIONS_FILE = "predictions.csv";
    /** The file written into the output folder for --npz-input when -o is given (else the logits go to stdout). */
    public static final String LOGITS_FILE = "logits.csv";

    @Mixin
    private final CheckpointOption checkpoint = new CheckpointOption();

    @ArgGroup(multiplicity = "1")
    private Source source;

    static final class Source {
        @Parameters(paramLabel = "DATA",
                description = "CODE-15%%, CODE-TEST, WFDB or PTB-XL folder, or one HDF5 file or .hea record in one")
        private Path data;

        @Option(names = "--npz-input", paramLabel = "FILE",
                description = "an .npz with array 'input' of shape (B, C, L) at 250 Hz: print logits instead")
        private Path npzInput;
    }

    @Mixin
    private LeadInputOptions feed;

    /**
     * A folder, as in every command: predictions.csv (or logits.csv) and provenance.json go into it. A path ending in
     * .csv is still taken as the file to write, as -o meant in earlier releases.
     */
    @Mixin
    private final OutputFolderOption output = new OutputFolderOption("predict");

    @Mixin
    private final ModelRunOptions run = new ModelRunOptions(Prediction.DEFAULT_BATCH_SIZE);

    @Spec
    private CommandSpec spec;

    /**
     * What predict runs.
     *
     * @param checkpoint the weights
     * @param data       the folder or file of exams, null with {@code npzInput}
     * @param npzInput   an input tensor, null with {@code data}
     * @param leads      leads fed (null: the checkpoint's)
     * @param input      how they are fed (null: the checkpoint's)
     * @param batchSize  exams per forward
     * @param devices    device and threads
     * @param file       the CSV written; null: the logits go to stdout
     */
    record Plan(Path checkpoint, Path data, Path npzInput, List<Lead> leads, InputMode input, int batchSize,
                DeviceOptions.Choice devices, Path file) {
    }

    private final ExamScorer scorer;
    private final PerExamOutput perExamOutput;

    /** The single-JVM command. */
    public PredictCommand() {
        this(ExamScorer.IN_THIS_JVM);
    }

    /** The same command with the exams of DATA scored by {@code scorer} (the Spark path's tasks). */
    public PredictCommand(ExamScorer scorer) {
        this(scorer, PerExamOutput.CSV);
    }

    /** The same command with its predictions written to {@code perExamOutput} (the Spark path's --format). */
    public PredictCommand(ExamScorer scorer, PerExamOutput perExamOutput) {
        this.scorer = scorer;
        this.perExamOutput = perExamOutput;
    }

    @Override
    public List<OptionRule> rules() {
        String why = "--npz-input feeds its tensor to the model as it is";
        return List.of(OptionRule.conflicts("--npz-input", "--leads", why),
                OptionRule.conflicts("--npz-input", "--input", why));
    }

    @Override
    public Plan plan() {
        OptionRule.check(rules(), spec.commandLine().getParseResult());
        Path given = output.given();
        String name = source.npzInput != null ? LOGITS_FILE : PREDICTIONS_FILE;
        Path file = given == null ? (source.npzInput != null ? null : output.folder().resolve(name))
                : given.getFileName() != null && given.getFileName().toString().endsWith(".csv") ? given
                : given.resolve(name);
        perExamOutput.refuseUnless(source.npzInput == null, "--npz-input prints logits: drop one of them");
        if (source.npzInput == null && !perExamOutput.csv()) {
            file = perExamOutput.target(file);
        }
        Path weights = checkpoint.orShippedFor(source.data == null ? List.of() : List.of(source.data));
        return new Plan(weights, source.data, source.npzInput, feed.leadsOr(null), feed.inputOr(null),
                run.batchSize(), run.devices(), file);
    }

    @Override
    public int run(Plan plan) {
        plan.devices().applyThreads();
        Checkpoint weights = Checkpoint.open(plan.checkpoint());
        if (plan.npzInput() != null) {
            try (LgaEcgModel model = weights.loadModel(Devices.parse(plan.devices().device()))) {
                printLogits(Prediction.logitsOfNpz(model, plan.npzInput(), plan.batchSize()), plan.file());
            }
        } else {
            predictExams(plan, weights);
        }
        return 0;
    }

    private void predictExams(Plan plan, Checkpoint weights) {
        List<Lead> leadList = plan.leads() != null ? plan.leads() : weights.leads();
        InputMode mode = plan.input() != null ? plan.input() : weights.input();
        CodeDataset data = dataset(plan.data());
        List<ExamInfo> exams = exams(data, plan.data());
        ScoringRequest request = ScoringRequest.of(plan.checkpoint(), leadList, mode, plan.batchSize(),
                plan.devices().device());
        Predictions predictions;
        try (ProgressBar bar = Progress.bar("predict", exams.size(), "exams")) {
            predictions = scorer.score(request, exams, bar::stepBy);
        }
        Path file = plan.file();
        if (perExamOutput.csv()) {
            PredictionsFile.write(file, predictions, ExamInfo.recordNames(exams));
        } else {
            perExamOutput.write(PredictionsFile.table(predictions, ExamInfo.recordNames(exams)), file);
        }
        Provenance.builder("predict").data(plan.data()).checkpoint(weights.folder()).leads(leadList)
                .config("input", mode.cliName()).config("batchSize", plan.batchSize())
                .config("derivedLimbLeadRecords", data.derivedLimbLeadRecords(exams)).build()
                .write(file.resolveSibling("provenance.json"));
        if (data.labelled()) {
            System.err.printf("%d exams → %s (macro F1 against the folder's labels at 0.5: %.4f)%n",
                    predictions.size(), file, MultiLabelMetrics.of(predictions).macroF1());
        } else {
            System.err.printf("%d exams → %s (the data carries no labels: label columns are 0, no F1)%n",
                    predictions.size(), file);
        }
    }

    /** The dataset of a folder, or of the folder holding the one file given. */
    private static CodeDataset dataset(Path data) {
        return CodeDataset.open(Files.isRegularFile(data) ? data.toAbsolutePath().normalize().getParent() : data);
    }

    /** The exams of a folder, or of the one HDF5 file or WFDB header given inside it. */
    private static List<ExamInfo> exams(CodeDataset dataset, Path data) {
        if (!Files.isRegularFile(data)) {
            return dataset.exams();
        }
        Path file = data.toAbsolutePath().normalize();
        List<ExamInfo> inFile = dataset.exams().stream()
                .filter(e -> e.file().toAbsolutePath().normalize().equals(file)).toList();
        if (inFile.isEmpty()) {
            throw new EcgLabException(data + ": no labelled exam of its folder lives in this file; give the folder "
                    + "or one of its tracings files");
        }
        return inFile;
    }

    private static void printLogits(float[][] logits, Path output) {
        StringBuilder csv = new StringBuilder();
        for (Condition c : Condition.values()) {
            csv.append(c.ordinal() == 0 ? "" : ",").append(c.column());
        }
        csv.append('\n');
        for (float[] row : logits) {
            for (int c = 0; c < row.length; c++) {
                csv.append(c == 0 ? "" : ",").append(Float.toString(row[c]));
            }
            csv.append('\n');
        }
        if (output != null) {
            AtomicFiles.writeString(output, csv.toString());
        } else {
            System.out.print(csv);
            System.out.flush();
        }
    }
}
