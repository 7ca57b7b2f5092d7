package org.ecgleadlab.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ecgleadlab.data.Condition;

/**
 * Multi-label classification metrics over the six conditions, defined as scikit-learn defines them for a label
 * indicator matrix {@code y_true}, {@code y_pred} (N × 6) with {@code zero_division=0}:
 * <ul>
 *   <li>per condition c: precision, recall, F1, accuracy = (TP+TN)/N and support — {@code precision_score(y_true[:, c],
 *       y_pred[:, c])} etc.; a ratio with a zero denominator is 0, so no value is ever NaN;</li>
 *   <li>macro precision / recall / F1: the unweighted mean of the six per-condition values —
 *       {@code f1_score(y_true, y_pred, average='macro', zero_division=0)}; a condition without positive exams still counts,
 *       with F1 = 0 (as in scikit-learn), so a table never shows NaN;</li>
 *   <li>macro accuracy: the mean of the six per-condition accuracies, which equals {@code 1 - hamming_loss(y_true,
 *       y_pred)}. This is the "Accuracy" of the paper's tables (its values, e.g. 0.968 for a model that predicts almost
 *       nothing, only fit a per-condition average), and "Recall" there is the macro recall;</li>
 *   <li>micro precision / recall / F1: from the counts pooled over conditions ({@code average='micro'});</li>
 *   <li>subset accuracy: the fraction of exams whose six decisions are all right ({@code accuracy_score(y_true,
 *       y_pred)} on multi-label input), also called exact match.</li>
 * </ul>
 * Decisions come from probabilities with {@link Thresholds} ({@code p >= t}).
 */
public final class MultiLabelMetrics {
    public static final String MACRO_F1 = "macro_f1";
    public static final String MACRO_PRECISION = "macro_precision";
    public static final String MACRO_RECALL = "macro_recall";
    public static final String MACRO_ACCURACY = "macro_accuracy";
    public static final String MICRO_F1 = "micro_f1";
    public static final String MICRO_PRECISION = "micro_precision";
    public static final String MICRO_RECALL = "micro_recall";
    public static final String SUBSET_ACCURACY = "subset_accuracy";

    private static final MetricTable<MultiLabelMetrics> TABLE = new MetricTable<MultiLabelMetrics>()
            .perCondition(MultiLabelMetrics::f1Key, MultiLabelMetrics::f1)
            .perCondition(MultiLabelMetrics::precisionKey, MultiLabelMetrics::precision)
            .perCondition(MultiLabelMetrics::recallKey, MultiLabelMetrics::recall)
            .perCondition(MultiLabelMetrics::accuracyKey, MultiLabelMetrics::accuracy)
            .overall(MACRO_F1, MultiLabelMetrics::macroF1)
            .overall(MACRO_PRECISION, MultiLabelMetrics::macroPrecision)
            .overall(MACRO_RECALL, MultiLabelMetrics::macroRecall)
            .overall(MACRO_ACCURACY, MultiLabelMetrics::macroAccuracy)
            .overall(MICRO_F1, MultiLabelMetrics::microF1)
            .overall(MICRO_PRECISION, MultiLabelMetrics::microPrecision)
            .overall(MICRO_RECALL, MultiLabelMetrics::microRecall)
            .overall(SUBSET_ACCURACY, MultiLabelMetrics::subsetAccuracy);

    private final ConfusionCounts[] perClass;
    private final long exactMatches;
    private final long exams;

    private MultiLabelMetrics(ConfusionCounts[] perClass, long exactMatches, long exams) {
        if (exams <= 0) {
            throw new IllegalArgumentException("metrics need at least one exam");
        }
        this.perClass = perClass.clone();
        this.exactMatches = exactMatches;
        this.exams = exams;
    }

    /** The metrics of {@code predictions} at {@code thresholds}. */
    public static MultiLabelMetrics of(Predictions predictions, Thresholds thresholds) {
        long[] weights = new long[predictions.size()];
        Arrays.fill(weights, 1);
        return Decisions.of(predictions, thresholds).metrics(weights);
    }

    /** The metrics of {@code predictions} at the paper's threshold 0.5. */
    public static MultiLabelMetrics of(Predictions predictions) {
        return of(predictions, Thresholds.DEFAULT);
    }

    /** Metrics from counts already made: six confusion matrices, exams fully right, exams in all. */
    public static MultiLabelMetrics fromCounts(ConfusionCounts[] perClass, long exactMatches, long exams) {
        if (perClass.length != Condition.COUNT) {
            throw new IllegalArgumentException("need " + Condition.COUNT + " confusion matrices, got " + perClass.length);
        }
        for (ConfusionCounts counts : perClass) {
            if (counts.total() != exams) {
                throw new IllegalArgumentException("each confusion matrix must count all " + exams + " exams: " + counts);
            }
        }
        if (exactMatches < 0 || exactMatches > exams) {
            throw new IllegalArgumentException("exact matches must be within 0.." + exams + ", got " + exactMatches);
        }
        return new MultiLabelMetrics(perClass, exactMatches, exams);
    }

    /** Exams evaluated. */
    public long exams() {
        return exams;
    }

    public ConfusionCounts counts(Condition condition) {
        return perClass[condition.index()];
    }

    public double precision(Condition condition) {
        return counts(condition).precision();
    }

    public double recall(Condition condition) {
        return counts(condition).recall();
    }

    public double f1(Condition condition) {
        return counts(condition).f1();
    }

    public double accuracy(Condition condition) {
        return counts(condition).accuracy();
    }

    public long support(Condition condition) {
        return counts(condition).support();
    }

    public double macroF1() {
        return mean(ConfusionCounts::f1);
    }

    public double macroPrecision() {
        return mean(ConfusionCounts::precision);
    }

    public double macroRecall() {
        return mean(ConfusionCounts::recall);
    }

    /** Mean per-condition accuracy (= 1 − Hamming loss): the paper's "Accuracy". */
    public double macroAccuracy() {
        return mean(ConfusionCounts::accuracy);
    }

    public double microF1() {
        return pooled().f1();
    }

    public double microPrecision() {
        return pooled().precision();
    }

    public double microRecall() {
        return pooled().recall();
    }

    /** Fraction of exams with all six decisions right (exact match). */
    public double subsetAccuracy() {
        return ConfusionCounts.ratio(exactMatches, exams);
    }

    /** Key of a condition's F1 in {@link #asMap()}, e.g. {@code f1_1dAVb}. */
    public static String f1Key(Condition condition) {
        return "f1_" + condition.column();
    }

    public static String precisionKey(Condition condition) {
        return "precision_" + condition.column();
    }

    public static String recallKey(Condition condition) {
        return "recall_" + condition.column();
    }

    public static String accuracyKey(Condition condition) {
        return "accuracy_" + condition.column();
    }

    /** Every metric by name, in a fixed order ({@link #names()}): per-condition values, then macro, micro, subset. */
    public Map<String, Double> asMap() {
        return TABLE.values(this);
    }

    /** The metric names of {@link #asMap()}, in order. */
    public static List<String> names() {
        return TABLE.names();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "MultiLabelMetrics[exams=%d, macroF1=%.4f, macroAccuracy=%.4f, macroRecall=%.4f, macroPrecision=%.4f]",
                exams, macroF1(), macroAccuracy(), macroRecall(), macroPrecision());
    }

    private ConfusionCounts pooled() {
        ConfusionCounts sum = new ConfusionCounts(0, 0, 0, 0);
        for (ConfusionCounts counts : perClass) {
            sum = sum.plus(counts);
        }
        return sum;
    }

    private double mean(ToDoubleFunction<ConfusionCounts> metric) {
        double sum = 0;
        for (ConfusionCounts counts : perClass) {
            sum += metric.applyAsDouble(counts);
        }
        return sum / perClass.length;
    }
}
