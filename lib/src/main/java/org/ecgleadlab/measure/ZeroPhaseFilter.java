package org.ecgleadlab.measure;

import java.util.function.Supplier;
import uk.me.berndporr.iirj.Butterworth;
import uk.me.berndporr.iirj.Cascade;

/**
 * Zero-phase Butterworth filters (iirj biquad cascades run forwards, then backwards, like scipy's {@code filtfilt}):
 * the squared magnitude response and no delay, so wave boundaries stay where they are. The signal is extended at both
 * ends by an odd reflection of {@link #PAD_SECONDS} (which keeps value and slope continuous) and shifted so the
 * extension starts at zero, so the filters' start-up transients die out before the recording begins.
 */
public final class ZeroPhaseFilter {
    /** Length of the reflected extension at each end; longer than the 0.5 Hz high-pass needs to settle. */
    static final double PAD_SECONDS = 2.0;

    private final Supplier<Cascade> design;
    private final boolean passesDc;
    private final double rate;

    private ZeroPhaseFilter(Supplier<Cascade> design, boolean passesDc, double rate) {
        this.design = design;
        this.passesDc = passesDc;
        this.rate = rate;
    }

    /** Band-pass {@code low}–{@code high} Hz: a high-pass of order 2 then a low-pass of order 4 (each run twice). */
    public static ZeroPhaseFilter bandPass(double rate, double low, double high) {
        return bandPass(rate, low, high, 2);
    }

    /** Band-pass with a high-pass of order {@code highPassOrder} then a low-pass of order 4 (each run twice). */
    public static ZeroPhaseFilter bandPass(double rate, double low, double high, int highPassOrder) {
        checkCutoff(rate, low);
        checkCutoff(rate, high);
        return new ZeroPhaseFilter(
                () -> new Chain(highPassStage(highPassOrder, rate, low), lowPassStage(4, rate, high)), false, rate);
    }

    /** Low-pass below {@code cutoff} Hz, order 2 (each direction). */
    public static ZeroPhaseFilter lowPass(double rate, double cutoff) {
        checkCutoff(rate, cutoff);
        return new ZeroPhaseFilter(() -> lowPassStage(2, rate, cutoff), true, rate);
    }

    /** High-pass above {@code cutoff} Hz, order 4 (each direction). */
    public static ZeroPhaseFilter highPass(double rate, double cutoff) {
        checkCutoff(rate, cutoff);
        return new ZeroPhaseFilter(() -> highPassStage(4, rate, cutoff), false, rate);
    }

    private static Cascade highPassStage(int order, double rate, double cutoff) {
        Butterworth filter = new Butterworth();
        filter.highPass(order, rate, cutoff);
        return filter;
    }

    private static Cascade lowPassStage(int order, double rate, double cutoff) {
        Butterworth filter = new Butterworth();
        filter.lowPass(order, rate, cutoff);
        return filter;
    }

    private static void checkCutoff(double rate, double cutoff) {
        if (!(cutoff > 0 && cutoff < rate / 2)) {
            throw new IllegalArgumentException("cut-off " + cutoff + " Hz must lie in (0, " + rate / 2 + ") Hz");
        }
    }

    /** The filtered copy of {@code x} (same length). */
    public double[] apply(double[] x) {
        int n = x.length;
        if (n == 0) {
            return new double[0];
        }
        int pad = Math.min(n - 1, (int) Math.round(PAD_SECONDS * rate));
        double[] ext = new double[n + 2 * pad];
        for (int i = 0; i < pad; i++) {
            ext[pad - 1 - i] = 2 * x[0] - x[i + 1];
            ext[pad + n + i] = 2 * x[n - 1] - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, pad, n);
        double start = ext[0];
        for (int i = 0; i < ext.length; i++) {
            ext[i] -= start;
        }
        Cascade forward = design.get();
        for (int i = 0; i < ext.length; i++) {
            ext[i] = forward.filter(ext[i]);
        }
        double end = ext[ext.length - 1];
        double endLevel = passesDc ? end : 0;
        Cascade backward = design.get();
        for (int i = ext.length - 1; i >= 0; i--) {
            ext[i] = backward.filter(ext[i] - end) + endLevel; // the backward pass starts from rest as well
        }
        double[] out = new double[n];
        double offset = passesDc ? start : 0;
        for (int i = 0; i < n; i++) {
            out[i] = ext[pad + i] + offset;
        }
        return out;
    }

    /** Two cascades in series. */
    private static final class Chain extends Cascade {
        private final Cascade first;
        private final Cascade second;

        Chain(Cascade first, Cascade second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public double filter(double in) {
            return second.filter(first.filter(in));
        }
    }
}
