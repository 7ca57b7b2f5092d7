package org.ecgleadlab.adapt;

import java.util.List;
import org.ecgleadlab.train.TrainingListener;

/**
 * Where the runs of a grid are executed: {@link #IN_THIS_JVM} one after another (the single-JVM commands), or spread
 * over a cluster (the Spark path), each run through {@link AdaptationGrid#runOne} into its folder of the
 * {@link RunStore}, so the tables after it are built the same way whoever ran them.
 */
@FunctionalInterface
public interface GridRunner {
    /** Runs in this JVM, in order, with a progress bar over runs and {@code listener} hearing every training step. */
    GridRunner IN_THIS_JVM = (specs, setup, store, listener) ->
            AdaptationGrid.run(specs, store, new AdaptationRun(setup, listener));

    /**
     * Runs every spec of {@code specs} not yet finished in {@code store} (two specs with the same key once) and
     * returns one result per spec, in order.
     */
    List<AdaptationGrid.CellResult> run(List<RunSpec> specs, AdaptationSetup setup, RunStore store,
                                        TrainingListener listener);
}
