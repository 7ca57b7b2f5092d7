package org.ecgleadlab.data;

/**
 * Polyphase rational resampling, numerically equal to {@code scipy.signal.resample_poly(x, up, down)} with its
 * defaults: a Kaiser-windowed (beta 5) sinc low-pass of {@code 2 * 10 * max(up, down) + 1} taps designed like
 * {@code firwin} (cut-off 1/max(up, down) of Nyquist, unit DC gain, times {@code up}), zero padding outside the
 * signal, and scipy's alignment (the filter is pre-padded so output samples sit at its centre). Immutable and
 * thread-safe.
 */
public final class Resampler {
    /** CODE's 400 Hz to the model's 250 Hz: up 5, down 8 (4096 → 2560 samples). */
    public static final Resampler CODE_400_TO_250 = new Resampler(CodeFormat.MODEL_HZ, CodeFormat.SAMPLING_HZ, 5.0);

    private final int up;
    private final int down;
    private final double[] taps;
    /** Taps of each polyphase branch, reversed, so that each output is one contiguous dot product. */
    private final double[][] branches;
    /** Zeros scipy puts before the filter so that output samples land on the filter's centre. */
    private final int prePad;
    /** Leading outputs of the full polyphase convolution that scipy discards. */
    private final int preRemove;

    /** A resampler by {@code up/down} (reduced by their gcd) with a Kaiser window of the given beta. */
    public Resampler(int up, int down, double kaiserBeta) {
        if (up <= 0 || down <= 0) {
            throw new IllegalArgumentException("up and down must be positive, got " + up + "/" + down);
        }
        int g = gcd(up, down);
        this.up = up / g;
        this.down = down / g;
        int maxRate = Math.max(this.up, this.down);
        int halfLength = 10 * maxRate;
        this.taps = lowPass(2 * halfLength + 1, 1.0 / maxRate, kaiserBeta);
        for (int k = 0; k < taps.length; k++) {
            taps[k] *= this.up;
        }
        this.prePad = this.down - halfLength % this.down;
        this.preRemove = (halfLength + prePad) / this.down;
        int branchLength = (taps.length + this.up - 1) / this.up;
        this.branches = new double[this.up][branchLength];
        for (int phase = 0; phase < this.up; phase++) {
            for (int m = 0; m < branchLength && phase + m * this.up < taps.length; m++) {
                branches[phase][branchLength - 1 - m] = taps[phase + m * this.up];
            }
        }
    }

    /** Output samples for {@code inputLength} input samples: ceil(inputLength * up / down). */
    public int outputLength(int inputLength) {
        long product = (long) inputLength * up;
        return (int) ((product + down - 1) / down);
    }

    /**
     * Resamples one channel read from {@code input[inOffset + n * inStride]}, n &lt; {@code length}, into
     * {@code output[outOffset + i * outStride]}, i &lt; {@link #outputLength}. Strides let a time-major tracing be read
     * and a channel-major model input be written without copies.
     */
    public void resample(float[] input, int inOffset, int inStride, int length,
            float[] output, int outOffset, int outStride) {
        int outputs = outputLength(length);
        int branchLength = branches[0].length;
        // output i = sum over n of x[n] * taps[t - n*up] with t = (i + preRemove) * down - prePad: the newest sample
        // is n = floor(t / up) and the phase t mod up picks the branch. The signal is copied once, zero-padded by a
        // branch length on both sides, so the dot product needs no bounds checks.
        long lastNewest = ((long) (outputs - 1 + preRemove) * down - prePad) / up;
        float[] padded = new float[(int) Math.max(length, lastNewest + 1) + 2 * branchLength];
        for (int n = 0; n < length; n++) {
            padded[branchLength + n] = input[inOffset + n * inStride];
        }
        for (int i = 0; i < outputs; i++) {
            long t = (long) (i + preRemove) * down - prePad;
            int newest = (int) (t / up);
            double[] branch = branches[(int) (t - (long) newest * up)];
            int from = newest + 1; // = (newest - branchLength + 1) + branchLength of padding
            double sum = 0;
            for (int j = 0; j < branchLength; j++) {
                sum += padded[from + j] * branch[j];
            }
            output[outOffset + i * outStride] = (float) sum;
        }
    }

    /** scipy's firwin(numTaps, cutoff, window=('kaiser', beta)): windowed sinc scaled to unit gain at DC. */
    static double[] lowPass(int numTaps, double cutoff, double beta) {
        double[] h = new double[numTaps];
        double centre = (numTaps - 1) / 2.0;
        double besselBeta = besselI0(beta);
        double sum = 0;
        for (int n = 0; n < numTaps; n++) {
            double m = n - centre;
            double x = cutoff * m;
            double sinc = x == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = m / centre;
            double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselBeta;
            h[n] = cutoff * sinc * window;
            sum += h[n];
        }
        for (int n = 0; n < numTaps; n++) {
            h[n] /= sum;
        }
        return h;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges fast for beta ≈ 5). */
    static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; term > 1e-17 * sum; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
