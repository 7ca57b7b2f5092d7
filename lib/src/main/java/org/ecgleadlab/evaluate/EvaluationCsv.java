package org.ecgleadlab.evaluate;

import org.ecgleadlab.data.Condition;
import org.ecgleadlab.metrics.BootstrapInterval;
import org.ecgleadlab.metrics.ClassifierEvaluation;
import org.ecgleadlab.metrics.ConfusionCounts;
import org.ecgleadlab.metrics.PrecisionRecallCurve;
import org.ecgleadlab.metrics.RocCurve;
import org.ecgleadlab.report.Tables;
import tech.tablesaw.api.Table;

/**
 * The evaluation as long-format tables for CSV (full precision; an undefined value is an empty cell, which pandas
 * reads as NaN): metrics with intervals, confusion counts, and every point of every curve so they can be redrawn.
 */
final class EvaluationCsv {
    private EvaluationCsv() {
    }

    /** metric, condition (or macro / micro / all), estimate, lower, upper, level, resamples used and skipped. */
    static Table metrics(ClassifierEvaluation e) {
        Tables.Builder table = Tables.builder("metrics", "metric", "condition", "estimate", "lower", "upper", "level",
                "resamples_used", "resamples_skipped");
        for (BootstrapInterval i : e.intervals().values()) {
            String[] split = split(i.metric());
            table.row(split[0], split[1], orNull(i.estimate()), orNull(i.lower()), orNull(i.upper()), i.level(),
                    i.used(), i.skipped());
        }
        return table.build();
    }

    /** condition, threshold, TP, FP, FN, TN. */
    static Table confusion(ClassifierEvaluation e) {
        Tables.Builder table = Tables.builder("confusion", "condition", "threshold", "tp", "fp", "fn", "tn");
        for (Condition c : Condition.values()) {
            ConfusionCounts k = e.counts(c);
            table.row(c.column(), e.thresholds().of(c), k.truePositives(), k.falsePositives(), k.falseNegatives(),
                    k.trueNegatives());
        }
        return table.build();
    }

    /** condition, threshold (the first is +∞), fpr, tpr — as scikit-learn's roc_curve, per condition. */
    static Table rocPoints(ClassifierEvaluation e) {
        Tables.Builder table = Tables.builder("roc", "condition", "threshold", "fpr", "tpr");
        for (Condition c : Condition.values()) {
            RocCurve curve = e.rocCurve(c);
            for (int k = 0; k < curve.size(); k++) {
                table.row(c.column(), curve.thresholds()[k], orNull(curve.falsePositiveRate()[k]),
                        orNull(curve.truePositiveRate()[k]));
            }
        }
        return table.build();
    }

    /** condition, threshold (empty for the last point), precision, recall — as precision_recall_curve. */
    static Table precisionRecallPoints(ClassifierEvaluation e) {
        Tables.Builder table = Tables.builder("precision_recall", "condition", "threshold", "precision", "recall");
        for (Condition c : Condition.values()) {
            PrecisionRecallCurve curve = e.precisionRecallCurve(c);
            for (int k = 0; k < curve.precision().length; k++) {
                Double threshold = k < curve.thresholds().length ? curve.thresholds()[k] : null;
                table.row(c.column(), threshold, curve.precision()[k], curve.recall()[k]);
            }
        }
        return table.build();
    }

    /** A metric key split into metric and condition: {@code auc_RBBB} → (auc, RBBB), {@code macro_f1} → (f1, macro). */
    static String[] split(String key) {
        for (Condition c : Condition.values()) {
            if (key.endsWith("_" + c.column())) {
                return new String[] {key.substring(0, key.length() - c.column().length() - 1), c.column()};
            }
        }
        for (String average : new String[] {"macro", "micro"}) {
            if (key.startsWith(average + "_")) {
                return new String[] {key.substring(average.length() + 1), average};
            }
        }
        return new String[] {key, "all"};
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
