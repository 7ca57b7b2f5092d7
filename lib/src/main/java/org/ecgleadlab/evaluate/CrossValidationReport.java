package org.ecgleadlab.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.ExamPool;
import org.ecgleadlab.metrics.Bootstrap;
import org.ecgleadlab.metrics.BootstrapInterval;
import org.ecgleadlab.metrics.ClassifierEvaluation;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.metrics.RankingMetrics;
import org.ecgleadlab.metrics.Thresholds;
import org.ecgleadlab.util.AtomicFiles;

/**
 * What {@code evaluate --cross-validate} writes: {@code auc.csv} / {@code auc.md} (per-class and macro ROC AUC with
 * 95 % bootstrap intervals, the starting model beside the fine-tuned folds, on the same records), {@code folds.csv}
 * (every record's fold and labels), {@code duplicates.csv} (records counted once), both models' predictions
 * ({@code predictions-start.csv}, {@code predictions-fine-tuned.csv}), {@code report.md} and {@code provenance.json}.
 */
public final class CrossValidationReport {
    private CrossValidationReport() {
    }

    /**
     * One row per condition and the macro mean.
     *
     * @param name      the condition column (1dAVb …) or {@code macro}
     * @param positives records with the condition (for macro: all records)
     * @param start     the starting model's AUC with its interval
     * @param fineTuned the cross-validated fine-tuned AUC with its interval
     */
    public record Row(String name, int positives, BootstrapInterval start, BootstrapInterval fineTuned) {
    }

    /** The AUC rows of {@code outcome}, intervals from {@code bootstrap} (the same resamples for both models). */
    public static List<Row> rows(CrossValidation.Outcome outcome, Bootstrap bootstrap) {
        ClassifierEvaluation start = ClassifierEvaluation.of(outcome.baseline(), Thresholds.uniform(0.5), bootstrap);
        ClassifierEvaluation tuned = ClassifierEvaluation.of(outcome.fineTuned(), Thresholds.uniform(0.5), bootstrap);
        List<Row> rows = new ArrayList<>();
        for (Condition c : Condition.values()) {
            int positives = (int) outcome.pool().exams().stream().filter(e -> e.has(c)).count();
            String key = RankingMetrics.aucKey(c);
            rows.add(new Row(c.column(), positives, start.interval(key), tuned.interval(key)));
        }
        rows.add(new Row("macro", outcome.pool().exams().size(), start.interval(RankingMetrics.MACRO_AUC),
                tuned.interval(RankingMetrics.MACRO_AUC)));
        return rows;
    }

    /** The AUC table as markdown. */
    public static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder("| condition | positives | start model AUC [95 % CI] | fine-tuned, "
                + "cross-validated AUC [95 % CI] |\n|---|---|---|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s |%n", row.name(), row.positives(),
                    row.start().format(3), row.fineTuned().format(3)));
        }
        return md.toString();
    }

    /** Writes every file into {@code folder}; {@code command} is the command line that produced it. */
    public static void write(CrossValidation.Outcome outcome, List<Row> rows, String command, Path folder) {
        StringBuilder csv = new StringBuilder("condition,positives,start_auc,start_lower,start_upper,"
                + "fine_tuned_auc,fine_tuned_lower,fine_tuned_upper\n");
        for (Row row : rows) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f%n", row.name(),
                    row.positives(), row.start().estimate(), row.start().lower(), row.start().upper(),
                    row.fineTuned().estimate(), row.fineTuned().lower(), row.fineTuned().upper()));
        }
        AtomicFiles.writeString(folder.resolve("auc.csv"), csv.toString());
        AtomicFiles.writeString(folder.resolve("auc.md"), markdown(rows));
        StringBuilder folds = new StringBuilder("exam_id,record,source,fold," + String.join(",",
                java.util.Arrays.stream(Condition.values()).map(Condition::column).toList()) + "\n");
        for (ExamInfo exam : outcome.pool().exams()) {
            folds.append(exam.examId()).append(',').append(record(exam)).append(',').append(exam.source())
                    .append(',').append(outcome.fold().get(exam.examId()) + 1);
            for (Condition c : Condition.values()) {
                folds.append(',').append(exam.has(c) ? 1 : 0);
            }
            folds.append('\n');
        }
        AtomicFiles.writeString(folder.resolve("folds.csv"), folds.toString());
        StringBuilder duplicates = new StringBuilder("left_out,kept,why\n");
        for (ExamPool.Duplicate d : outcome.pool().duplicates()) {
            duplicates.append(d.dropped().file()).append(',').append(d.kept().file()).append(',').append(d.why())
                    .append('\n');
        }
        AtomicFiles.writeString(folder.resolve("duplicates.csv"), duplicates.toString());
        PredictionsFile.write(folder.resolve("predictions-start.csv"), outcome.baseline());
        PredictionsFile.write(folder.resolve("predictions-fine-tuned.csv"), outcome.fineTuned());
        outcome.provenance().write(folder.resolve("provenance.json"));
        AtomicFiles.writeString(folder.resolve("report.md"), reportMarkdown(outcome, rows, command));
    }

    private static String reportMarkdown(CrossValidation.Outcome outcome, List<Row> rows, String command) {
        StringBuilder md = new StringBuilder("# Cross-validated fine-tuning on real records\n\n");
        md.append("Command: `").append(command).append("`\n\n");
        md.append(String.format(Locale.ROOT, "%d records (each once; %d duplicates left out, duplicates.csv), %d "
                        + "folds grouped by patient and stratified by label (folds.csv). Start model: `%s`. Each "
                        + "record is scored once, by the model fine-tuned on the other folds.%n%n",
                outcome.pool().exams().size(), outcome.pool().duplicates().size(), outcome.folds().size(),
                outcome.provenance().checkpoint()));
        md.append(markdown(rows)).append('\n');
        md.append("| fold | best epoch | validation loss |\n|---|---|---|\n");
        for (int k = 0; k < outcome.folds().size(); k++) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %.4f |%n", k + 1, outcome.folds().get(k).bestEpoch(),
                    outcome.folds().get(k).bestValLoss()));
        }
        md.append("\nRecipe per fold: `").append(outcome.provenance().configuration().get("trainCommandPerFold"))
                .append("`; git revision ").append(outcome.provenance().gitRevision()).append(".\n");
        if (outcome.finalModel() != null) {
            md.append("\nFinal model on every record: `").append(outcome.finalModel().bestCheckpoint())
                    .append("` (best epoch ").append(outcome.finalModel().bestEpoch()).append(").\n");
        }
        return md.toString();
    }

    /** The record's name: its header's file name without .hea, else the exam id. */
    private static String record(ExamInfo exam) {
        String name = exam.file().getFileName().toString();
        return name.endsWith(".hea") ? name.substring(0, name.length() - 4) : Long.toString(exam.examId());
    }
}
