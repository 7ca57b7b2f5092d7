package org.ecgleadlab.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.adapt.AdaptationGrid.CellResult;
import org.ecgleadlab.adapt.AdaptationSetup;
import org.ecgleadlab.adapt.GridRunner;
import org.ecgleadlab.adapt.RunSpec;
import org.ecgleadlab.adapt.RunStore;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.train.TrainingListener;
import org.ecgleadlab.util.EcgLabException;

/**
 * {@code adapt}'s and {@code reproduce-tables}' runs as Spark tasks, one per unfinished run (strategy × subset ×
 * seed), each trained and scored by {@link GridTask} into the shared run store; the driver then reads the store as
 * the single-JVM grid does. A task Spark re-runs after a lost executor finds the run's checkpoints in the store and
 * resumes; a user error in a task is its result, not a failure, so it is not retried. The driver shows a progress
 * bar over runs; a task's per-batch training progress stays in its executor ({@code listener} is not called).
 */
public final class SparkGridRunner implements GridRunner {
    private final SparkRunner spark;

    public SparkGridRunner(SparkRunner spark) {
        this.spark = spark;
    }

    @Override
    public List<CellResult> run(List<RunSpec> specs, AdaptationSetup setup, RunStore store,
                                TrainingListener listener) {
        Map<String, RunSpec> missing = new LinkedHashMap<>();
        specs.stream().filter(spec -> !store.isFinished(spec)).forEach(spec -> missing.putIfAbsent(spec.key(), spec));
        if (!missing.isEmpty()) {
            List<GridTask> tasks = missing.values().stream().map(spec -> GridTask.of(spec, setup, store)).toList();
            int[] oneRunEach = new int[tasks.size()];
            Arrays.fill(oneRunEach, 1);
            try (ProgressBar bar = Progress.bar("adaptation grid on spark", tasks.size(), "runs")) {
                spark.map(tasks, oneRunEach, task -> TaskOutcome.of(task::execute), bar::stepBy);
            }
        }
        List<CellResult> results = new ArrayList<>();
        for (RunSpec spec : specs) {
            if (!store.isFinished(spec)) {
                throw new EcgLabException(store.folder(spec) + ": the Spark task of this run ended without marking it"
                        + " finished; is --store on storage every node sees at the same path?");
            }
            results.add(new CellResult(spec, store.predictions(spec), !missing.containsKey(spec.key())));
        }
        return results;
    }
}
