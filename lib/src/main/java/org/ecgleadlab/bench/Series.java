package org.ecgleadlab.bench;

import java.util.Arrays;

/**
 * Rates (per second) of each timed run with the memory seen after it. {@code rates} are items/s (samples, exams,
 * records, or GFLOP for matmul); heap (live, after a GC) and RSS in bytes, RSS -1 where {@code /proc} is missing.
 */
public record Series(double[] rates, long[] heapBytes, long[] rssBytes, long peakHeapBytes, long peakRssBytes) {
    /** Median rate. */
    public double median() {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Slowest run. */
    public double min() {
        return Arrays.stream(rates).min().orElse(Double.NaN);
    }

    /** Fastest run. */
    public double max() {
        return Arrays.stream(rates).max().orElse(Double.NaN);
    }

    /** The same runs counted in another unit: every rate times {@code factor} (e.g. exams/s to MB/s). */
    public Series scaled(double factor) {
        return new Series(Arrays.stream(rates).map(rate -> rate * factor).toArray(), heapBytes, rssBytes,
                peakHeapBytes, peakRssBytes);
    }
}
