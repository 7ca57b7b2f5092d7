package org.ecgleadlab.adapt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.report.Progress;

/**
 * The paper's experiment grid (§5.2, §5.3): the 12-lead baseline, every adaptation strategy on Top-1, Top-2 and
 * Top-3, and the reduced-channel strategy on Bottom-3 (the ablation). Runs are keyed by their {@link RunSpec}: a
 * finished run is reused, an interrupted grid resumes at the first unfinished run.
 */
public final class AdaptationGrid {
    /** Executes one run into its folder: trains if the strategy trains, then writes the predictions file. */
    @FunctionalInterface
    public interface RunExecutor {
        /** Runs {@code spec} in {@code folder} and returns what to record about it (checkpoint, timings). */
        Map<String, Object> execute(RunSpec spec, Path folder);
    }

    /** One cell of the grid and where its predictions are. */
    public record CellResult(RunSpec spec, Path predictions, boolean reused) {
    }

    /** A cell of the grid before it is bound to data and seeds. */
    public record Cell(LeadSubset subset, Strategy strategy) {
    }

    private AdaptationGrid() {
    }

    /**
     * The cells in Table 1's order, then the ablation: baseline, each Top-k subset × the four strategies, then
     * Bottom-3 with reduced channels (the paper's best strategy).
     */
    public static List<Cell> plan(List<LeadSubset> topSubsets, LeadSubset bottomSubset) {
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(LeadSubset.allLeads(), Strategy.BASELINE_12_LEAD));
        for (LeadSubset subset : topSubsets) {
            for (Strategy strategy : Strategy.ADAPTATIONS) {
                cells.add(new Cell(subset, strategy));
            }
        }
        if (bottomSubset != null) {
            cells.add(new Cell(bottomSubset, Strategy.REDUCED_CHANNELS));
        }
        return cells;
    }

    /**
     * Runs every spec not yet finished in {@code store}, in order, with a progress bar over runs; returns one result
     * per spec. Two specs with the same key run once.
     */
    public static List<CellResult> run(List<RunSpec> specs, RunStore store, RunExecutor executor) {
        Map<String, CellResult> byKey = new LinkedHashMap<>();
        List<CellResult> results = new ArrayList<>();
        try (ProgressBar bar = Progress.bar("adaptation grid", specs.size(), "runs")) {
            for (RunSpec spec : specs) {
                CellResult result = byKey.computeIfAbsent(spec.key(), key -> runOne(spec, store, executor));
                results.add(result);
                bar.step();
            }
        }
        return results;
    }

    /** The specs already finished in {@code store}, as results, in order; runs nothing. */
    public static List<CellResult> finished(List<RunSpec> specs, RunStore store) {
        return specs.stream().filter(store::isFinished)
                .map(spec -> new CellResult(spec, store.predictions(spec), true)).toList();
    }

    /** Runs {@code spec} into its folder of {@code store} unless it is finished there, and marks it finished. */
    public static CellResult runOne(RunSpec spec, RunStore store, RunExecutor executor) {
        if (store.isFinished(spec)) {
            return new CellResult(spec, store.predictions(spec), true);
        }
        long start = System.nanoTime();
        Map<String, Object> outcome = new LinkedHashMap<>(executor.execute(spec, store.prepare(spec)));
        if (!Files.isRegularFile(store.predictions(spec))) {
            throw new IllegalStateException("run " + spec.folderName() + " finished without writing "
                    + RunStore.PREDICTIONS_FILE);
        }
        outcome.put("seconds", (System.nanoTime() - start) / 1e9);
        store.markFinished(spec, outcome);
        return new CellResult(spec, store.predictions(spec), false);
    }
}
