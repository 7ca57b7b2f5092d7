package org.ecgleadlab.measure;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Power spectral density by Welch's method (like scipy.signal.welch with its defaults): Hann-windowed segments of
 * {@code segment} samples (a power of two) overlapping by half, each detrended by its mean, one-sided periodograms
 * scaled to power per Hz and averaged.
 */
public final class WelchSpectrum {
    private static final FastFourierTransformer FFT = new FastFourierTransformer(DftNormalization.STANDARD);

    private WelchSpectrum() {
    }

    /** Frequencies (Hz) of the {@code segment / 2 + 1} bins. */
    public static double[] frequencies(int segment, double rate) {
        double[] f = new double[segment / 2 + 1];
        for (int k = 0; k < f.length; k++) {
            f[k] = k * rate / segment;
        }
        return f;
    }

    /** The PSD of {@code x} (units² / Hz), or null when {@code x} is shorter than one segment. */
    public static double[] psd(double[] x, double rate, int segment) {
        if (Integer.bitCount(segment) != 1) {
            throw new IllegalArgumentException("segment must be a power of two, got " + segment);
        }
        if (x.length < segment) {
            return null;
        }
        double[] window = new double[segment];
        double windowPower = 0;
        for (int i = 0; i < segment; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / segment); // periodic Hann, as scipy
            windowPower += window[i] * window[i];
        }
        double[] sum = new double[segment / 2 + 1];
        int step = segment / 2;
        int count = 0;
        double[] buffer = new double[segment];
        for (int start = 0; start + segment <= x.length; start += step) {
            double mean = 0;
            for (int i = 0; i < segment; i++) {
                mean += x[start + i] / segment;
            }
            for (int i = 0; i < segment; i++) {
                buffer[i] = (x[start + i] - mean) * window[i];
            }
            Complex[] spectrum = FFT.transform(buffer, TransformType.FORWARD);
            for (int k = 0; k < sum.length; k++) {
                double power = spectrum[k].abs() * spectrum[k].abs() / (rate * windowPower);
                sum[k] += (k == 0 || k == segment / 2) ? power : 2 * power;
            }
            count++;
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= count;
        }
        return sum;
    }
}
