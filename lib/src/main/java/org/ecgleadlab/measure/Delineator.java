package org.ecgleadlab.measure;

import java.util.Arrays;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Lead;

/**
 * Fiducial-point delineation of one CODE raw tracing (time-major 4096 × 12 floats, mV, 400 Hz, zero-padded centred):
 * the zero padding is cut off, each lead band-passed 0.5–40 Hz (zero-phase Butterworth), QRS complexes detected on
 * the independent leads ({@link QrsDetector}), a median beat formed per lead, wave boundaries found on the median
 * beats ({@link WaveBoundaries}) and every {@link Measure} taken. All-zero tracings only get their flags; flat leads
 * (constant over the recording) get NaN. Stateless and thread-safe.
 */
public final class Delineator {
    /** I, II and V1–V6: the leads that are not combinations of others. */
    static final int[] INDEPENDENT = {0, 1, 6, 7, 8, 9, 10, 11};
    /** A recording this short or shorter is a 7-s exam (2800 samples); 10-s ones span 4000. */
    public static final int SEVEN_SECOND_LIMIT = 3400;
    static final double BEFORE_S = 0.55;
    static final double AFTER_S = 0.75;

    private final double rate;
    private final ZeroPhaseFilter band;
    private final ZeroPhaseFilter wander;
    private final ZeroPhaseFilter highBand;

    /** A delineator for signals sampled at {@code rate} Hz. */
    public Delineator(double rate) {
        this.rate = rate;
        this.band = ZeroPhaseFilter.bandPass(rate, 0.5, 40);
        this.wander = ZeroPhaseFilter.lowPass(rate, 0.5);
        this.highBand = ZeroPhaseFilter.bandPass(rate, 40, Math.min(100, 0.45 * rate), 4);
    }

    /** A delineator for CODE tracings (400 Hz). */
    public static Delineator forCode() {
        return new Delineator(CodeFormat.SAMPLING_HZ);
    }

    /** Measures one raw CODE tracing (time-major rows of 12 leads). */
    public ExamMeasures measure(float[] raw) {
        ExamMeasures out = new ExamMeasures();
        int[] span = recordedSpan(raw);
        int first = span[1] == 0 ? -1 : span[0];
        out.set(Measure.ALL_ZERO, first < 0 ? 1 : 0);
        int n = span[1];
        out.set(Measure.SEVEN_SECOND, first >= 0 && n <= SEVEN_SECOND_LIMIT ? 1 : 0);
        if (n < 2 * rate) {
            return out;
        }
        double[][] leads = new double[Lead.COUNT][n];
        for (int t = 0; t < n; t++) {
            for (int l = 0; l < Lead.COUNT; l++) {
                leads[l][t] = raw[(first + t) * Lead.COUNT + l];
            }
        }
        return measure(leads, first, out);
    }

    /**
     * {first row, rows} of the recording inside a raw tracing: from the first to the last row where any lead is not
     * 0, so centred zero padding is cut off; {0, 0} for an all-zero tracing.
     */
    public static int[] recordedSpan(float[] raw) {
        int rows = raw.length / Lead.COUNT;
        int first = -1;
        int last = -1;
        for (int s = 0; s < rows; s++) {
            for (int l = 0; l < Lead.COUNT; l++) {
                if (raw[s * Lead.COUNT + l] != 0f) {
                    first = first < 0 ? s : first;
                    last = s;
                    break;
                }
            }
        }
        return first < 0 ? new int[] {0, 0} : new int[] {first, last - first + 1};
    }

    /** Measures a recording given as 12 lead signals (mV) of equal length at this delineator's rate. */
    public ExamMeasures measure(double[][] leads) {
        ExamMeasures out = new ExamMeasures();
        out.set(Measure.ALL_ZERO, 0);
        out.set(Measure.SEVEN_SECOND, leads[0].length <= SEVEN_SECOND_LIMIT ? 1 : 0);
        return leads[0].length < 2 * rate ? out : measure(leads, 0, out);
    }

    private ExamMeasures measure(double[][] leads, int spanStart, ExamMeasures out) {
        int n = leads[0].length;
        boolean[] flat = new boolean[Lead.COUNT];
        double[][] filtered = new double[Lead.COUNT][];
        for (int l = 0; l < Lead.COUNT; l++) {
            flat[l] = isFlat(leads[l]);
            if (flat[l]) {
                filtered[l] = new double[n];
                continue;
            }
            filtered[l] = band.apply(leads[l]);
            out.set(Measure.SPAN_PEAK_TO_PEAK, l, percentile(filtered[l], 0.995) - percentile(filtered[l], 0.005));
            out.set(Measure.WANDER, l, rms(wander.apply(centred(leads[l])), null));
        }
        int[] spatial = Arrays.stream(INDEPENDENT).filter(l -> !flat[l]).toArray();
        if (spatial.length == 0) {
            return out;
        }
        double[][] raw = new double[spatial.length][];
        double[][] bandPassed = new double[spatial.length][];
        for (int i = 0; i < spatial.length; i++) {
            raw[i] = leads[spatial[i]];
            bandPassed[i] = filtered[spatial[i]];
        }
        int[] beats = QrsDetector.detect(raw, bandPassed, rate);
        if (beats.length < 2) {
            return out;
        }
        double rr = medianRr(beats);
        out.set(Measure.HEART_RATE, 60 * rate / rr);
        out.set(Measure.RR_VARIATION, rrVariation(beats));
        int before = (int) Math.round(BEFORE_S * rate);
        int after = (int) Math.round(AFTER_S * rate);
        double[][] median = MedianBeats.of(filtered, beats, before, after);
        WaveBoundaries w = WaveBoundaries.find(median, spatial, before, rr, rate);
        for (int l = 0; l < Lead.COUNT; l++) {
            for (int t = 0; t < median[l].length; t++) {
                median[l][t] -= w.baseline()[l];
            }
        }
        BeatMeasures.take(median, flat, w, rr, rate, out);
        boolean[] outsideQrs = outsideQrs(n, beats, w.qrsOnset() - before, w.qrsOffset() - before);
        for (int l = 0; l < Lead.COUNT; l++) {
            if (!flat[l]) {
                out.set(Measure.HIGH_FREQUENCY_NOISE, l, 1000 * rms(highBand.apply(leads[l]), outsideQrs));
            }
        }
        for (int l = 0; l < Lead.COUNT; l++) {
            if (flat[l]) {
                Arrays.fill(median[l], 0);
            }
        }
        out.setFiducials(new ExamMeasures.Fiducials(rate, spanStart, n, Arrays.stream(beats).map(b -> b + spanStart)
                .toArray(), median, before, w.pOnset(), w.qrsOnset(), w.qrsOffset(), w.tEnd()));
        return out;
    }

    /** Samples away from every QRS (its onset − 20 ms to offset + 20 ms) and from the first and last 200 ms. */
    private boolean[] outsideQrs(int n, int[] beats, int onsetOffset, int offsetOffset) {
        boolean[] keep = new boolean[n];
        int edge = WaveBoundaries.ms(200, rate);
        Arrays.fill(keep, Math.min(edge, n), Math.max(Math.min(edge, n), n - edge), true);
        int margin = WaveBoundaries.ms(20, rate);
        for (int b : beats) {
            int from = Math.max(0, b + onsetOffset - margin);
            int to = Math.min(n, b + offsetOffset + margin + 1);
            if (from < to) {
                Arrays.fill(keep, from, to, false);
            }
        }
        return keep;
    }

    private static double medianRr(int[] beats) {
        double[] rr = new double[beats.length - 1];
        for (int k = 0; k < rr.length; k++) {
            rr[k] = beats[k + 1] - beats[k];
        }
        return percentile(rr, 0.5);
    }

    static boolean isFlat(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    private static double[] centred(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        return Arrays.stream(x).map(v -> v - mean).toArray();
    }

    /** Root mean square of {@code x} over the samples where {@code keep} is true (all when null); NaN if none. */
    static double rms(double[] x, boolean[] keep) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            if (keep == null || keep[i]) {
                sum += x[i] * x[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : Math.sqrt(sum / count);
    }

    /** Linear-interpolated {@code q}-quantile (like numpy's default). */
    static double percentile(double[] x, double q) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Coefficient of variation of the intervals between consecutive beats (NaN with fewer than two intervals). */
    static double rrVariation(int[] beats) {
        if (beats.length < 3) {
            return Double.NaN;
        }
        double[] rr = new double[beats.length - 1];
        for (int k = 1; k < beats.length; k++) {
            rr[k - 1] = beats[k] - beats[k - 1];
        }
        double mean = Arrays.stream(rr).average().orElseThrow();
        double squares = Arrays.stream(rr).map(x -> (x - mean) * (x - mean)).sum();
        return Math.sqrt(squares / (rr.length - 1)) / mean;
    }
}
