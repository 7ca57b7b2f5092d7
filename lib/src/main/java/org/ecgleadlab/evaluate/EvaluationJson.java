package org.ecgleadlab.evaluate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.metrics.BootstrapInterval;
import org.ecgleadlab.metrics.ClassifierEvaluation;
import org.ecgleadlab.metrics.ConfusionCounts;
import org.ecgleadlab.report.Json;

/**
 * {@value #FILE}: the whole evaluation as JSON — every metric with its interval and resample counts, the confusion
 * counts, the conditions the macro AUC / AP average, the notes printed, and the timings. Undefined values are
 * {@code null} (JSON has no NaN).
 */
final class EvaluationJson {
    static final String FILE = "evaluation.json";

    private EvaluationJson() {
    }

    static Path write(Evaluate.Outcome outcome, Path file) {
        Json.write(file, tree(outcome));
        return file;
    }

    static Map<String, Object> tree(Evaluate.Outcome outcome) {
        ClassifierEvaluation e = outcome.evaluation();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("source", outcome.source());
        root.put("exams", e.exams());
        root.put("thresholds", perCondition(e.thresholds().values()));
        root.put("confidenceLevel", e.bootstrap().level());
        root.put("bootstrapResamples", e.bootstrap().replicates());
        root.put("bootstrapSeed", e.bootstrap().seed());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (BootstrapInterval i : e.intervals().values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("estimate", orNull(i.estimate()));
            entry.put("lower", orNull(i.lower()));
            entry.put("upper", orNull(i.upper()));
            entry.put("resamplesUsed", i.used());
            entry.put("resamplesSkipped", i.skipped());
            metrics.put(i.metric(), entry);
        }
        root.put("metrics", metrics);
        Map<String, Object> confusion = new LinkedHashMap<>();
        for (Condition c : Condition.values()) {
            ConfusionCounts k = e.counts(c);
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("tp", k.truePositives());
            counts.put("fp", k.falsePositives());
            counts.put("fn", k.falseNegatives());
            counts.put("tn", k.trueNegatives());
            confusion.put(c.column(), counts);
        }
        root.put("confusion", confusion);
        root.put("macroAucConditions", e.ranking().macroAucConditions().stream().map(Condition::column).toList());
        root.put("macroApConditions", e.ranking().macroAveragePrecisionConditions().stream()
                .map(Condition::column).toList());
        root.put("notes", EvaluationReport.notes(e));
        root.put("secondsPerStage", outcome.secondsPerStage());
        return root;
    }

    private static Map<String, Double> perCondition(double[] values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (Condition c : Condition.values()) {
            map.put(c.column(), values[c.index()]);
        }
        return map;
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
