package org.ecgleadlab.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.metrics.BootstrapInterval;
import org.ecgleadlab.metrics.ClassifierEvaluation;
import org.ecgleadlab.metrics.ConfusionCounts;
import org.ecgleadlab.metrics.MultiLabelMetrics;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.metrics.RankingMetrics;
import org.ecgleadlab.metrics.Thresholds;
import org.ecgleadlab.report.CurvePlots;
import org.ecgleadlab.report.Figure;
import org.ecgleadlab.report.TableFormat;
import org.ecgleadlab.report.Tables;
import org.ecgleadlab.util.PerExamOutput;
import tech.tablesaw.api.Table;

/**
 * What {@code jbang evaluate} prints and writes. Printed: the metrics table (per condition and macro, each value with
 * its 95 % interval, {@code n/a} where undefined), the confusion table, and which metrics were undefined in some
 * resamples. Written into the output folder: {@value #PREDICTIONS}, {@value #METRICS_CSV}, {@value #CONFUSION_CSV},
 * the curve points, {@value EvaluationJson#FILE} (everything), ROC and precision-recall figures (PNG and SVG) and
 * {@value #PROVENANCE}.
 */
public final class EvaluationReport {
    public static final String PREDICTIONS = "predictions.csv";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String CONFUSION_CSV = "confusion.csv";
    public static final String ROC_CSV = "roc_curve.csv";
    public static final String PRECISION_RECALL_CSV = "precision_recall_curve.csv";
    public static final String ROC_FIGURE = "roc";
    public static final String PRECISION_RECALL_FIGURE = "precision-recall";
    public static final String PROVENANCE = "provenance.json";
    private static final int DECIMALS = 3;

    private EvaluationReport() {
    }

    /** Prints the tables and notes of {@code outcome} to stdout. */
    public static void print(Evaluate.Outcome outcome) {
        ClassifierEvaluation e = outcome.evaluation();
        System.out.printf(Locale.ROOT, "%nEvaluated %s at %s; 95 %% bootstrap intervals from %d resamples "
                        + "of the exams (seed %d).%n%n", outcome.source(), threshold(e.thresholds()),
                e.bootstrap().replicates(), e.bootstrap().seed());
        Tables.print(metricsTable(e), TableFormat.decimals(DECIMALS));
        System.out.println();
        Tables.print(confusionTable(e), TableFormat.decimals(DECIMALS));
        System.out.println();
        notes(e).forEach(System.out::println);
        System.out.flush();
    }

    /** The metrics table: one row per condition and a macro row, each cell "estimate [lower, upper]". */
    public static Table metricsTable(ClassifierEvaluation e) {
        Tables.Builder table = Tables.builder("Per-condition metrics (95 % bootstrap intervals)", "condition",
                "positives", "precision", "recall", "F1", "accuracy", "ROC AUC", "AP");
        for (Condition c : Condition.values()) {
            table.row(c.column(), (int) e.counts(c).support(), cell(e, MultiLabelMetrics.precisionKey(c)),
                    cell(e, MultiLabelMetrics.recallKey(c)), cell(e, MultiLabelMetrics.f1Key(c)),
                    cell(e, MultiLabelMetrics.accuracyKey(c)), cell(e, RankingMetrics.aucKey(c)),
                    cell(e, RankingMetrics.averagePrecisionKey(c)));
        }
        table.row("macro", null, cell(e, MultiLabelMetrics.MACRO_PRECISION), cell(e, MultiLabelMetrics.MACRO_RECALL),
                cell(e, MultiLabelMetrics.MACRO_F1), cell(e, MultiLabelMetrics.MACRO_ACCURACY),
                cell(e, RankingMetrics.MACRO_AUC), cell(e, RankingMetrics.MACRO_AP));
        return table.build();
    }

    /** The confusion table: TP, FP, FN, TN per condition at the threshold. */
    public static Table confusionTable(ClassifierEvaluation e) {
        Tables.Builder table = Tables.builder("Confusion counts at " + threshold(e.thresholds()),
                "condition", "TP", "FP", "FN", "TN", "exams");
        for (Condition c : Condition.values()) {
            ConfusionCounts k = e.counts(c);
            table.row(c.column(), k.truePositives(), k.falsePositives(), k.falseNegatives(), k.trueNegatives(),
                    k.total());
        }
        return table.build();
    }

    /** Which values are undefined, how the macro AUC / AP were averaged, which resamples were skipped. */
    public static List<String> notes(ClassifierEvaluation e) {
        List<String> notes = new ArrayList<>();
        RankingMetrics r = e.ranking();
        if (r.macroAucConditions().size() < Condition.COUNT) {
            notes.add("ROC AUC is n/a (undefined) for a condition with no positive or no negative exam; the macro AUC "
                    + "averages the other " + r.macroAucConditions().size() + ": " + names(r.macroAucConditions()));
        }
        if (r.macroAveragePrecisionConditions().size() < Condition.COUNT) {
            notes.add("AP is n/a (undefined) for a condition with no positive exam; the macro AP averages the other "
                    + r.macroAveragePrecisionConditions().size() + ": " + names(r.macroAveragePrecisionConditions()));
        }
        for (BootstrapInterval interval : e.partlySkipped()) {
            if (interval.isDefined()) {
                notes.add(String.format(Locale.ROOT, "%s was undefined in %d of %d resamples (no positive or no "
                                + "negative exam of a condition drawn); its interval uses the other %d",
                        interval.metric(), interval.skipped(), interval.skipped() + interval.used(), interval.used()));
            }
        }
        if (notes.isEmpty()) {
            notes.add("Every metric was defined on the exams and in every resample.");
        }
        return notes;
    }

    /** Writes every file into {@code folder}; returns the paths written. */
    public static List<Path> write(Evaluate.Outcome outcome, Path folder) {
        return write(outcome, folder, PerExamOutput.CSV);
    }

    /** {@link #write(Evaluate.Outcome, Path)} with the predictions in {@code perExamOutput}'s format. */
    public static List<Path> write(Evaluate.Outcome outcome, Path folder, PerExamOutput perExamOutput) {
        ClassifierEvaluation e = outcome.evaluation();
        List<Path> written = new ArrayList<>();
        written.add(perExamOutput.write(folder.resolve(PREDICTIONS),
                () -> PredictionsFile.table(e.predictions(), outcome.recordNames()),
                file -> PredictionsFile.write(file, e.predictions(), outcome.recordNames())));
        written.add(Tables.saveCsv(EvaluationCsv.metrics(e), folder.resolve(METRICS_CSV)));
        written.add(Tables.saveCsv(EvaluationCsv.confusion(e), folder.resolve(CONFUSION_CSV)));
        written.add(Tables.saveCsv(EvaluationCsv.rocPoints(e), folder.resolve(ROC_CSV)));
        written.add(Tables.saveCsv(EvaluationCsv.precisionRecallPoints(e), folder.resolve(PRECISION_RECALL_CSV)));
        written.add(EvaluationJson.write(outcome, folder.resolve(EvaluationJson.FILE)));
        List<Condition> all = List.of(Condition.values());
        written.addAll(Figure.of(CurvePlots.roc("ROC curves (" + e.exams() + " exams)",
                all.stream().map(e::rocCurve).toList())).save(folder.resolve(ROC_FIGURE)));
        written.addAll(Figure.of(CurvePlots.precisionRecall("Precision-recall curves (" + e.exams() + " exams)",
                all.stream().map(e::precisionRecallCurve).toList())).save(folder.resolve(PRECISION_RECALL_FIGURE)));
        Path provenance = folder.resolve(PROVENANCE);
        outcome.provenance().write(provenance);
        written.add(provenance);
        return written;
    }

    /** "threshold 0.5 (p >= 0.5 is positive)" for one threshold, else how the thresholds were chosen. */
    static String threshold(Thresholds thresholds) {
        double[] values = thresholds.values();
        boolean uniform = java.util.Arrays.stream(values).allMatch(v -> v == values[0]);
        return uniform ? String.format(Locale.ROOT, "threshold %s (p >= %<s is positive)", values[0])
                : "thresholds " + thresholds.origin();
    }

    private static String cell(ClassifierEvaluation e, String metric) {
        return e.interval(metric).format(DECIMALS);
    }

    private static String names(List<Condition> conditions) {
        return String.join(", ", conditions.stream().map(Condition::column).toList());
    }
}
