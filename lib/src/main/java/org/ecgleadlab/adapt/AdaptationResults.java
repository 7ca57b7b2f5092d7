package org.ecgleadlab.adapt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.metrics.Bootstrap;
import org.ecgleadlab.metrics.MetricInterval;
import org.ecgleadlab.metrics.MultiLabelMetrics;
import org.ecgleadlab.metrics.PairedDifference;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.metrics.Thresholds;
import org.ecgleadlab.util.EcgLabException;

/**
 * The metrics of every run of a grid, recomputed from the saved predictions (so a new threshold needs no
 * retraining): point values, bootstrap 95 % intervals, and a paired bootstrap test against the 12-lead baseline on
 * the same exams.
 */
public final class AdaptationResults {
    /**
     * One run's numbers.
     *
     * @param spec           what ran
     * @param folder         where its files are
     * @param thresholds     the decision thresholds used (uniform, or tuned on the validation split)
     * @param metrics        the point values on the evaluation half
     * @param intervals      bootstrap confidence intervals of every metric, by name
     * @param versusBaseline paired differences to the 12-lead baseline (empty for the baseline itself)
     */
    public record RunResult(RunSpec spec, Path folder, Thresholds thresholds, MultiLabelMetrics metrics,
                            Map<String, MetricInterval> intervals, Map<String, PairedDifference> versusBaseline) {
        /** The run's value of {@code metric} (a {@link MultiLabelMetrics#names()} key). */
        public double value(String metric) {
            return metrics.asMap().get(metric);
        }

        public boolean isBaseline() {
            return spec.strategy() == Strategy.BASELINE_12_LEAD;
        }
    }

    /** How predictions become decisions: one threshold for all classes, or per-class thresholds from validation. */
    public record ThresholdChoice(double uniform, boolean tunePerClass) {
        /** The paper's choice: 0.5 for every class. */
        public static final ThresholdChoice PAPER = new ThresholdChoice(0.5, false);

        /** The thresholds for the run in {@code folder}. */
        Thresholds thresholdsFor(Path folder) {
            if (!tunePerClass) {
                return Thresholds.uniform(uniform);
            }
            return Thresholds.tuneOnValidation(
                    PredictionsFile.read(folder.resolve(AdaptationRun.VALIDATION_PREDICTIONS_FILE)));
        }

        /** How the thresholds were chosen, for captions. */
        public String describe() {
            return tunePerClass ? "per-class thresholds tuned for F1 on the validation split"
                    : "threshold " + uniform + " for every class";
        }
    }

    private AdaptationResults() {
    }

    /** Scores every finished cell; the grid must contain the 12-lead baseline, which the others are tested against. */
    public static List<RunResult> evaluate(List<AdaptationGrid.CellResult> cells, ThresholdChoice choice,
                                           Bootstrap bootstrap) {
        AdaptationGrid.CellResult baselineCell = cells.stream()
                .filter(c -> c.spec().strategy() == Strategy.BASELINE_12_LEAD).findFirst()
                .orElseThrow(() -> new EcgLabException("the grid has no 12-lead baseline run to compare against"));
        Path baselineFolder = baselineCell.predictions().getParent();
        Predictions baseline = PredictionsFile.read(baselineCell.predictions());
        Thresholds baselineThresholds = choice.thresholdsFor(baselineFolder);
        List<RunResult> results = new ArrayList<>();
        for (AdaptationGrid.CellResult cell : cells) {
            Path folder = cell.predictions().getParent();
            Predictions predictions = PredictionsFile.read(cell.predictions());
            Thresholds thresholds = choice.thresholdsFor(folder);
            boolean isBaseline = cell.spec().strategy() == Strategy.BASELINE_12_LEAD;
            Map<String, PairedDifference> paired = isBaseline ? Map.of()
                    : bootstrap.compare(predictions, thresholds, baseline, baselineThresholds);
            results.add(new RunResult(cell.spec(), folder, thresholds, MultiLabelMetrics.of(predictions, thresholds),
                    bootstrap.intervals(predictions, thresholds), paired));
        }
        return results;
    }
}
