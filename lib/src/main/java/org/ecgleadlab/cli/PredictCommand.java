package org.ecgleadlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.cli.options.CheckpointOption;
import org.ecgleadlab.cli.options.LeadInputOptions;
import org.ecgleadlab.cli.options.ModelRunOptions;
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
import org.ecgleadlab.util.ProjectPaths;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jbang predict}: runs trained weights on CODE exams or on a raw input tensor. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a trained LGA-ECG on a CODE-15%%, CODE-TEST, WFDB or PTB-XL folder (or one HDF5 file or "
                + ".hea record in one): writes "
                + "exam_id, the six probabilities and the labels per exam as CSV. Or on an .npz tensor "
                + "(--npz-input): prints the logits as CSV with full float precision.")
public final class PredictCommand implements Callable<Integer> {
    @Mixin
    private CheckpointOption checkpoint;

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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "CSV to write (default: runs/predict/predictions.csv for DATA, stdout for --npz-input)")
    private Path output;

    @Mixin
    private final ModelRunOptions run = new ModelRunOptions(64);

    private final ExamScorer scorer;

    /** The single-JVM command. */
    public PredictCommand() {
        this(ExamScorer.IN_THIS_JVM);
    }

    /** The same command with the exams of DATA scored by {@code scorer} (the Spark path's tasks). */
    public PredictCommand(ExamScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public Integer call() {
        run.applyThreads();
        Checkpoint weights = Checkpoint.open(checkpoint.orShipped());
        if (source.npzInput != null) {
            try (LgaEcgModel model = weights.loadModel(Devices.parse(run.device()))) {
                printLogits(Prediction.logitsOfNpz(model, source.npzInput, run.batchSize()));
            }
        } else {
            predictExams(weights);
        }
        return 0;
    }

    private void predictExams(Checkpoint weights) {
        List<Lead> leadList = feed.leadsOr(weights.leads());
        InputMode mode = feed.inputOr(weights.input());
        CodeDataset data = dataset(source.data);
        List<ExamInfo> exams = exams(data, source.data);
        ScoringRequest request = ScoringRequest.of(checkpoint.orShipped(), leadList, mode, run.batchSize(),
                run.device());
        Predictions predictions;
        try (ProgressBar bar = Progress.bar("predict", exams.size(), "exams")) {
            predictions = scorer.score(request, exams, bar::stepBy);
        }
        Path file = output != null ? output : ProjectPaths.runs().resolve("predict").resolve("predictions.csv");
        PredictionsFile.write(file, predictions);
        Provenance.builder("predict").data(source.data).checkpoint(weights.folder()).leads(leadList)
                .config("input", mode.cliName()).config("batchSize", run.batchSize()).build()
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

    private void printLogits(float[][] logits) {
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
