package org.ecgleadlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Welch PSDs integrate to the signal's power (Parseval) and put a tone in its bin. */
class WelchSpectrumTest {
    private static final double RATE = 400;
    private static final int SEGMENT = 1024;

    private static double integral(double[] psd) {
        double sum = 0;
        for (double p : psd) {
            sum += p * RATE / SEGMENT;
        }
        return sum;
    }

    @Test
    void aToneLandsInItsBinWithItsPower() {
        double hz = 50 * RATE / SEGMENT; // bin 50 exactly
        double[] x = new double[4000];
        for (int t = 0; t < x.length; t++) {
            x[t] = 0.2 * Math.sin(2 * Math.PI * hz * t / RATE);
        }
        double[] psd = WelchSpectrum.psd(x, RATE, SEGMENT);
        int top = 0;
        for (int k = 0; k < psd.length; k++) {
            top = psd[k] > psd[top] ? k : top;
        }
        assertEquals(50, top);
        assertEquals(0.02, integral(psd), 0.001, "power of a 0.2 mV sine is 0.02 mV²");
        assertEquals(hz, WelchSpectrum.frequencies(SEGMENT, RATE)[50], 1e-12);
    }

    @Test
    void whiteNoiseIsFlatWithItsVariance() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[40_000];
        for (int t = 0; t < x.length; t++) {
            x[t] = 0.01 * rng.nextGaussian();
        }
        double[] psd = WelchSpectrum.psd(x, RATE, SEGMENT);
        assertEquals(1e-4, integral(psd), 0.05e-4, "variance 1e-4 mV²");
        assertEquals(1e-4 / (RATE / 2), psd[100], 0.3e-4 / (RATE / 2), "flat at variance / Nyquist");
        assertNull(WelchSpectrum.psd(new double[100], RATE, SEGMENT), "shorter than a segment");
    }
}
