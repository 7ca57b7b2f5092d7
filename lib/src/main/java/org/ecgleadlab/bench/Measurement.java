package org.ecgleadlab.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One measured figure, as a row of the bench CSV and two console lines show it.
 *
 * @param figure       the figure's name in the CSV, e.g. {@code inference} or {@code hdf5 contiguous (256 exams)}
 * @param unit         what the rates count per second, e.g. {@code samples/s}
 * @param gflopPerItem GFLOP per counted item, turning the rate into GFLOP/s (0 where the figure does not compute)
 * @param series       the rates of the timed runs and the memory seen
 * @param batch        exams per batch the figure ran with
 * @param leads        input leads the figure ran with
 */
public record Measurement(String figure, String unit, double gflopPerItem, Series series, int batch, int leads) {
    /** Median rate in GFLOP/s. */
    public double gflopPerSecond() {
        return series.median() * gflopPerItem;
    }

    /** The figure in the unit {@code unit}, every rate times {@code factor} (e.g. exams/s to MB/s). */
    public Measurement in(String otherUnit, double factor) {
        return new Measurement(figure, otherUnit, 0, series.scaled(factor), batch, leads);
    }

    /** Median, range, GFLOP/s and peak memory on one line; the memory after each run on a second. */
    public String describe() {
        return String.format(Locale.ROOT, "%-16s %8.1f %-9s (min %.1f, max %.1f)  %6.1f GFLOP/s  peak heap %d MB, "
                + "peak RSS %d MB%n", figure, series.median(), unit, series.min(), series.max(), gflopPerSecond(),
                Memory.megabytes(series.peakHeapBytes()), Memory.megabytes(series.peakRssBytes()))
                + "                 live heap after each run (MB): " + megabytes(series.heapBytes())
                + "; RSS (MB): " + megabytes(series.rssBytes()) + System.lineSeparator();
    }

    private static String megabytes(long[] bytes) {
        return Arrays.stream(bytes).mapToObj(b -> Long.toString(Memory.megabytes(b))).collect(Collectors.joining(" "));
    }
}
