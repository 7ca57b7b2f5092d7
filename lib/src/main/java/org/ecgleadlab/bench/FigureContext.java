package org.ecgleadlab.bench;

import java.io.PrintStream;

/** What a {@link BenchFigure} measures with: the options, the console, a progress step and where its measurements go. */
interface FigureContext {
    /** A model figure's timed runs on the shared model. */
    @FunctionalInterface
    interface ModelRun {
        Series run(ModelBenchmark bench, int warmup, int runs, int steps);
    }

    BenchOptions options();

    /** The console (stdout) for lines beside the measurements. */
    PrintStream out();

    /** What a figure calls after each batch or pass. */
    Runnable step();

    /** Prints {@code measurement} and keeps its row. */
    void report(Measurement measurement);

    /** Times {@code timed} on the shared model with the options' batch, leads, warm-up, runs and steps, and reports it. */
    void reportModelFigure(String name, String unit, double gflopPerItem, ModelRun timed);
}
