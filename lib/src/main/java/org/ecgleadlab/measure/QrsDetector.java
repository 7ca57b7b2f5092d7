package org.ecgleadlab.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * QRS detection after Pan and Tompkins (IEEE Trans Biomed Eng 1985), on several leads at once: each lead is
 * band-passed 5–15 Hz (zero-phase), differentiated and squared; the squares are summed over the leads and integrated
 * over a 150 ms moving window. Peaks of that energy at least 200 ms apart are classified with the adaptive signal and
 * noise levels of the original (threshold = noise + 0.25 (signal − noise)), a T wave within 360 ms of a QRS whose
 * steepest slope is under half the QRS's is rejected, and a gap over 1.66 mean RR is searched back at half the
 * threshold. Being offline, the levels start from the whole recording (98th percentile and median of the energy)
 * rather than from its first 2 s. Each beat's fiducial point is then the steepest instant of the 0.5–40 Hz signal
 * (largest summed squared slope) within 100 ms of the energy peak, which aligns beats for averaging.
 */
public final class QrsDetector {
    private static final double REFRACTORY_S = 0.200;
    private static final double T_WAVE_WINDOW_S = 0.360;
    private static final double WINDOW_S = 0.150;
    private static final double REFINE_S = 0.100;

    private QrsDetector() {
    }

    /**
     * Fiducial sample indices of the QRS complexes in {@code leads} (each a signal of equal length at {@code rate} Hz,
     * e.g. the independent leads I, II, V1–V6), ascending. {@code bandPassed} are the same leads band-passed
     * 0.5–40 Hz, used to place each fiducial.
     */
    public static int[] detect(double[][] leads, double[][] bandPassed, double rate) {
        int n = leads[0].length;
        if (n < rate) {
            return new int[0];
        }
        double[] slopeEnergy = new double[n];
        ZeroPhaseFilter qrsBand = ZeroPhaseFilter.bandPass(rate, 5, 15);
        for (double[] lead : leads) {
            double[] f = qrsBand.apply(lead);
            for (int t = 1; t < n - 1; t++) {
                double d = (f[t + 1] - f[t - 1]) / 2;
                slopeEnergy[t] += d * d;
            }
        }
        double[] integrated = movingAverage(slopeEnergy, Math.max(1, (int) Math.round(WINDOW_S * rate)));
        int[] candidates = localMaxima(integrated, (int) Math.round(REFRACTORY_S * rate));
        List<Integer> beats = classify(integrated, slopeEnergy, candidates, rate);
        double[] steepness = summedSquaredSlope(bandPassed);
        int reach = (int) Math.round(REFINE_S * rate);
        int[] fiducials = new int[beats.size()];
        for (int k = 0; k < fiducials.length; k++) {
            int c = beats.get(k);
            int best = c;
            for (int t = Math.max(0, c - reach); t <= Math.min(n - 1, c + reach); t++) {
                if (steepness[t] > steepness[best]) {
                    best = t;
                }
            }
            fiducials[k] = best;
        }
        return Arrays.stream(fiducials).distinct().sorted().toArray();
    }

    /** Sum over leads of the squared central difference. */
    static double[] summedSquaredSlope(double[][] leads) {
        int n = leads[0].length;
        double[] out = new double[n];
        for (double[] lead : leads) {
            for (int t = 1; t < n - 1; t++) {
                double d = (lead[t + 1] - lead[t - 1]) / 2;
                out[t] += d * d;
            }
        }
        return out;
    }

    private static List<Integer> classify(double[] energy, double[] slopeEnergy, int[] candidates, double rate) {
        double[] sorted = energy.clone();
        Arrays.sort(sorted);
        double signalLevel = sorted[(int) (0.98 * (sorted.length - 1))];
        double noiseLevel = sorted[sorted.length / 2];
        int tWindow = (int) Math.round(T_WAVE_WINDOW_S * rate);
        int slopeReach = (int) Math.round(0.075 * rate);
        List<Integer> beats = new ArrayList<>();
        List<Integer> rejected = new ArrayList<>();
        double lastSlope = 0;
        for (int c : candidates) {
            double threshold = noiseLevel + 0.25 * (signalLevel - noiseLevel);
            int last = beats.isEmpty() ? -1 : beats.get(beats.size() - 1);
            // search back: a missed beat hides in a gap longer than 1.66 mean RR
            double meanRr = meanRecentRr(beats);
            if (last >= 0 && meanRr > 0 && c - last > 1.66 * meanRr) {
                int best = -1;
                for (int r : rejected) {
                    if (r - last > REFRACTORY_S * rate && c - r > REFRACTORY_S * rate && energy[r] > threshold / 2
                            && (best < 0 || energy[r] > energy[best])) {
                        best = r;
                    }
                }
                if (best >= 0) {
                    beats.add(best);
                    signalLevel = 0.25 * energy[best] + 0.75 * signalLevel;
                    lastSlope = maxAround(slopeEnergy, best, slopeReach);
                    last = best;
                    int accepted = best;
                    rejected.removeIf(r -> r <= accepted);
                }
            }
            if (energy[c] > threshold) {
                double slope = maxAround(slopeEnergy, c, slopeReach);
                if (last >= 0 && c - last < tWindow && slope < 0.25 * lastSlope) { // half the slope, squared
                    noiseLevel = 0.125 * energy[c] + 0.875 * noiseLevel;
                    continue;
                }
                beats.add(c);
                rejected.clear();
                lastSlope = slope;
                signalLevel = 0.125 * energy[c] + 0.875 * signalLevel;
            } else {
                rejected.add(c);
                noiseLevel = 0.125 * energy[c] + 0.875 * noiseLevel;
            }
        }
        return beats;
    }

    private static double meanRecentRr(List<Integer> beats) {
        int k = beats.size();
        if (k < 2) {
            return 0;
        }
        int from = Math.max(0, k - 9);
        return (double) (beats.get(k - 1) - beats.get(from)) / (k - 1 - from);
    }

    private static double maxAround(double[] x, int centre, int reach) {
        double max = 0;
        for (int t = Math.max(0, centre - reach); t <= Math.min(x.length - 1, centre + reach); t++) {
            max = Math.max(max, x[t]);
        }
        return max;
    }

    /** Centred moving average of {@code width} samples. */
    static double[] movingAverage(double[] x, int width) {
        int n = x.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        double[] out = new double[n];
        int half = width / 2;
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - half);
            int b = Math.min(n, i - half + width);
            out[i] = (prefix[b] - prefix[a]) / (b - a);
        }
        return out;
    }

    /** Indices that are the strict first maximum within ±{@code radius} samples (plateaus count once). */
    static int[] localMaxima(double[] x, int radius) {
        List<Integer> peaks = new ArrayList<>();
        int n = x.length;
        for (int i = 0; i < n; i++) {
            if (x[i] <= 0) {
                continue;
            }
            boolean max = true;
            for (int j = Math.max(0, i - radius); j <= Math.min(n - 1, i + radius) && max; j++) {
                max = j < i ? x[j] < x[i] : x[j] <= x[i];
            }
            if (max) {
                peaks.add(i);
            }
        }
        return peaks.stream().mapToInt(Integer::intValue).toArray();
    }
}
