package org.ecgleadlab.bench;

/**
 * The loop every figure shares: untimed warm-up passes, then timed runs of a few passes each, with the live heap and
 * resident set read after every run (outside the timing, so a figure that leaks shows it) and the peaks at the end.
 */
final class TimedRuns {
    private TimedRuns() {
    }

    /**
     * Runs {@code pass} {@code warmup} times untimed, then {@code runs} timed runs of {@code passesPerRun} passes.
     *
     * @param itemsPerPass what one pass counts (exams, samples, GFLOP): the rates are items per second
     * @param afterPass    called after every pass, warm-up included (a progress bar's step)
     */
    static Series run(int warmup, int runs, int passesPerRun, double itemsPerPass, Runnable pass, Runnable afterPass) {
        for (int i = 0; i < warmup; i++) {
            pass.run();
            afterPass.run();
        }
        double[] rates = new double[runs];
        long[] heap = new long[runs];
        long[] rss = new long[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < passesPerRun; i++) {
                pass.run();
                afterPass.run();
            }
            rates[r] = passesPerRun * itemsPerPass / ((System.nanoTime() - start) / 1e9);
            heap[r] = Memory.liveHeapBytes();
            rss[r] = Memory.rssBytes();
        }
        return new Series(rates, heap, rss, Memory.peakHeapBytes(), Memory.peakRssBytes());
    }
}
