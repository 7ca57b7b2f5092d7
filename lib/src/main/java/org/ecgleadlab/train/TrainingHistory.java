package org.ecgleadlab.train;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ecgleadlab.report.Figure;
import org.ecgleadlab.report.Plots;
import org.ecgleadlab.util.AtomicFiles;
import org.knowm.xchart.XYChart;

/**
 * The per-epoch log of a run: {@value #CSV_FILE} (epoch, train loss, validation loss, validation macro F1,
 * learning rate, seconds; full precision) and {@value #PNG_FILE} (loss curves, macro F1, learning rate),
 * both rewritten atomically after every epoch.
 */
public final class TrainingHistory {
    public static final String CSV_FILE = "history.csv";
    public static final String PNG_FILE = "history.png";
    static final String[] HEADER = {"epoch", "train_loss", "val_loss", "val_macro_f1", "lr", "seconds"};

    private TrainingHistory() {
    }

    /** Writes the CSV and the plot of {@code history} into {@code runFolder}. */
    public static void write(Path runFolder, List<EpochRecord> history) {
        AtomicFiles.writeString(runFolder.resolve(CSV_FILE), csv(history));
        plot(history).savePng(runFolder.resolve(PNG_FILE));
    }

    static String csv(List<EpochRecord> history) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (EpochRecord r : history) {
                printer.printRecord(r.epoch(), r.trainLoss(), r.valLoss(), r.valMacroF1(), r.learningRate(),
                        r.seconds());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Three panels: training and validation loss, validation macro F1, learning rate (log scale). */
    public static Figure plot(List<EpochRecord> history) {
        double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        XYChart loss = Plots.lines("(A) Binary cross-entropy", "epoch", "loss", List.of(
                Plots.Line.of("training", epochs, history.stream().mapToDouble(EpochRecord::trainLoss).toArray()),
                Plots.Line.of("validation", epochs, history.stream().mapToDouble(EpochRecord::valLoss).toArray())));
        XYChart f1 = Plots.lines("(B) Validation macro F1", "epoch", "macro F1", List.of(
                Plots.Line.of("validation", epochs, history.stream().mapToDouble(EpochRecord::valMacroF1).toArray())));
        XYChart lr = Plots.lines("(C) Learning rate at epoch start", "epoch", "learning rate", List.of(
                Plots.Line.of("AdamW", epochs, history.stream().mapToDouble(EpochRecord::learningRate).toArray())));
        lr.getStyler().setYAxisLogarithmic(history.stream().allMatch(r -> r.learningRate() > 0))
                .setYAxisDecimalPattern("0.0E0");
        return Figure.grid("Training history", 3, List.of(loss, f1, lr));
    }
}
