package org.ecgleadlab.data.synthetic;

/**
 * The electrocardiograph's own low-pass filter: a causal second-order Butterworth section (bilinear transform,
 * RBJ cookbook coefficients), as recorders apply before storing. It softens the QRS edges and the muscle noise
 * above the cut-off the way real recordings show; the cut-off varies between machines and settings.
 */
final class AcquisitionFilter {
    private AcquisitionFilter() {
    }

    /** Filters {@code x}, sampled at {@code rate} Hz, in place with a low-pass at {@code cutoffHz}. */
    static void lowPass(double[] x, double cutoffHz, int rate) {
        double w = 2 * Math.PI * cutoffHz / rate;
        double alpha = StrictMath.sin(w) / Math.sqrt(2); // Q = 1/sqrt(2): Butterworth
        double cos = StrictMath.cos(w);
        double a0 = 1 + alpha;
        double b0 = (1 - cos) / 2 / a0;
        double b1 = (1 - cos) / a0;
        double a1 = -2 * cos / a0;
        double a2 = (1 - alpha) / a0;
        // start from the steady state of the first sample, so the filter adds no step at the recording's start
        double x1 = x.length > 0 ? x[0] : 0;
        double x2 = x1;
        double y1 = x1;
        double y2 = x1;
        for (int t = 0; t < x.length; t++) {
            double in = x[t];
            double out = b0 * in + b1 * x1 + b0 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = in;
            y2 = y1;
            y1 = out;
            x[t] = out;
        }
    }
}
