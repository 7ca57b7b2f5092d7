package org.ecgleadlab.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Condition;

/**
 * Threshold-free metrics of the six conditions, each a binary problem over the exams: ROC AUC ({@link RocCurve#auc()},
 * scikit-learn's {@code roc_auc_score(y_true[:, c], y_score[:, c])}) and average precision
 * ({@link PrecisionRecallCurve#averagePrecision()}, {@code average_precision_score}). A condition no exam has (or every
 * exam has) has no AUC, and one no exam has no average precision: NaN, never a made-up number. The macro values
 * average the conditions where the metric is defined — with all six defined this is scikit-learn's
 * {@code average='macro'}, which refuses to answer otherwise; {@link #macroAucConditions()} says which were used.
 */
public final class RankingMetrics {
    public static final String MACRO_AUC = "macro_auc";
    public static final String MACRO_AP = "macro_ap";

    private static final MetricTable<RankingMetrics> TABLE = new MetricTable<RankingMetrics>()
            .perCondition(RankingMetrics::aucKey, RankingMetrics::auc)
            .perCondition(RankingMetrics::averagePrecisionKey, RankingMetrics::averagePrecision)
            .overall(MACRO_AUC, RankingMetrics::macroAuc)
            .overall(MACRO_AP, RankingMetrics::macroAveragePrecision);

    private final double[] auc;
    private final double[] averagePrecision;

    RankingMetrics(double[] auc, double[] averagePrecision) {
        this.auc = auc.clone();
        this.averagePrecision = averagePrecision.clone();
    }

    /** The metrics of {@code predictions}. */
    public static RankingMetrics of(Predictions predictions) {
        return RankedPredictions.of(predictions).metrics();
    }

    /** ROC AUC of {@code condition}; NaN when the exams hold only positives or only negatives. */
    public double auc(Condition condition) {
        return auc[condition.index()];
    }

    /** Average precision of {@code condition}; NaN when no exam is positive. */
    public double averagePrecision(Condition condition) {
        return averagePrecision[condition.index()];
    }

    /** Mean AUC over the conditions where it is defined; NaN when it is defined for none. */
    public double macroAuc() {
        return meanOver(auc, definedIn(auc));
    }

    /** Mean average precision over the conditions where it is defined; NaN when it is defined for none. */
    public double macroAveragePrecision() {
        return meanOver(averagePrecision, definedIn(averagePrecision));
    }

    /** The conditions whose AUC enters {@link #macroAuc()}. */
    public List<Condition> macroAucConditions() {
        return conditions(definedIn(auc));
    }

    /** The conditions whose average precision enters {@link #macroAveragePrecision()}. */
    public List<Condition> macroAveragePrecisionConditions() {
        return conditions(definedIn(averagePrecision));
    }

    public static String aucKey(Condition condition) {
        return "auc_" + condition.column();
    }

    public static String averagePrecisionKey(Condition condition) {
        return "ap_" + condition.column();
    }

    /** Every metric by name ({@link #names()} order): per-condition AUC, per-condition AP, macro AUC, macro AP. */
    public Map<String, Double> asMap() {
        return TABLE.values(this);
    }

    /** The metric names of {@link #asMap()}, in order. */
    public static List<String> names() {
        return TABLE.names();
    }

    /** Per-condition AUCs, {@link Condition} order (a copy). */
    double[] aucs() {
        return auc.clone();
    }

    /** Per-condition average precisions, {@link Condition} order (a copy). */
    double[] averagePrecisions() {
        return averagePrecision.clone();
    }

    static boolean[] definedIn(double[] values) {
        boolean[] defined = new boolean[values.length];
        for (int c = 0; c < values.length; c++) {
            defined[c] = !Double.isNaN(values[c]);
        }
        return defined;
    }

    /** The mean of {@code values} over the chosen entries; NaN when none is chosen or a chosen one is NaN. */
    static double meanOver(double[] values, boolean[] chosen) {
        double sum = 0;
        int count = 0;
        for (int c = 0; c < values.length; c++) {
            if (chosen[c]) {
                sum += values[c];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static List<Condition> conditions(boolean[] chosen) {
        List<Condition> list = new ArrayList<>();
        for (Condition c : Condition.values()) {
            if (chosen[c.index()]) {
                list.add(c);
            }
        }
        return List.copyOf(list);
    }
}
