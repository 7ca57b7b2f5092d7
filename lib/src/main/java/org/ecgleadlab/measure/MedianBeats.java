package org.ecgleadlab.measure;

import java.util.Arrays;

/** Median beats: per lead and per sample offset from the beats' fiducial points, the median over the beats. */
final class MedianBeats {
    private MedianBeats() {
    }

    /**
     * Median beat of each signal over windows [fiducial − {@code before}, fiducial + {@code after}]. A beat near the
     * recording's edges contributes only the samples it has, so short recordings still give a full median beat;
     * an offset no beat covers repeats its neighbour's value.
     */
    static double[][] of(double[][] signals, int[] fiducials, int before, int after) {
        int width = before + after + 1;
        double[][] out = new double[signals.length][width];
        double[] column = new double[fiducials.length];
        for (int l = 0; l < signals.length; l++) {
            double[] x = signals[l];
            for (int k = 0; k < width; k++) {
                int count = 0;
                for (int fiducial : fiducials) {
                    int t = fiducial - before + k;
                    if (t >= 0 && t < x.length) {
                        column[count++] = x[t];
                    }
                }
                out[l][k] = count == 0 ? Double.NaN : median(column, count);
            }
            fillGaps(out[l]);
        }
        return out;
    }

    private static double median(double[] values, int count) {
        Arrays.sort(values, 0, count);
        return count % 2 == 1 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
    }

    private static void fillGaps(double[] x) {
        int firstValid = 0;
        while (firstValid < x.length && Double.isNaN(x[firstValid])) {
            firstValid++;
        }
        if (firstValid == x.length) {
            Arrays.fill(x, 0);
            return;
        }
        Arrays.fill(x, 0, firstValid, x[firstValid]);
        for (int k = firstValid + 1; k < x.length; k++) {
            if (Double.isNaN(x[k])) {
                x[k] = x[k - 1];
            }
        }
    }
}
