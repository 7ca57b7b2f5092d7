package org.ecgleadlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Gains and phase of the zero-phase Butterworth filters on pure tones (4096 samples at 400 Hz, like CODE). */
class ZeroPhaseFilterTest {
    private static final double RATE = 400;

    private static double[] tone(double hz, double phase) {
        double[] x = new double[4096];
        for (int t = 0; t < x.length; t++) {
            x[t] = Math.sin(2 * Math.PI * hz * t / RATE + phase);
        }
        return x;
    }

    /** RMS over the middle half, away from the edges, relative to the input's. */
    private static double gain(double[] in, double[] out) {
        double a = 0;
        double b = 0;
        for (int t = in.length / 4; t < 3 * in.length / 4; t++) {
            a += in[t] * in[t];
            b += out[t] * out[t];
        }
        return Math.sqrt(b / a);
    }

    @Test
    void bandPassKeepsTheQrsBandWithoutDelayAndRemovesWanderAndHighFrequencies() {
        ZeroPhaseFilter band = ZeroPhaseFilter.bandPass(RATE, 0.5, 40);
        for (double hz : new double[] {2, 10, 20}) {
            double[] in = tone(hz, 0.3);
            double[] out = band.apply(in);
            assertEquals(1, gain(in, out), 0.02, hz + " Hz passes");
            for (int t = 1000; t < 3000; t += 97) {
                assertEquals(in[t], out[t], 0.03, hz + " Hz, sample " + t + ": no phase shift");
            }
        }
        assertTrue(gain(tone(0.1, 0), band.apply(tone(0.1, 0))) < 0.05, "0.1 Hz wander removed");
        assertTrue(gain(tone(100, 0), band.apply(tone(100, 0))) < 0.01, "100 Hz removed");
        // two passes: the edges lose half the power each way (-6 dB)
        assertEquals(0.5, gain(tone(40, 0), band.apply(tone(40, 0))), 0.05, "40 Hz edge");
    }

    @Test
    void lowPassKeepsTheLevelAndHighPassRemovesIt() {
        double[] x = tone(100, 0);
        for (int t = 0; t < x.length; t++) {
            x[t] += 3;
        }
        double[] low = ZeroPhaseFilter.lowPass(RATE, 0.5).apply(x);
        double[] high = ZeroPhaseFilter.highPass(RATE, 40).apply(x);
        for (int t = 1000; t < x.length - 1000; t += 101) {
            assertEquals(3, low[t], 0.01, "low-pass keeps the level at " + t);
            assertEquals(x[t] - 3, high[t], 0.1, "high-pass keeps 100 Hz and drops the level at " + t);
        }
    }

    @Test
    void cutOffsOutsideTheBandAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ZeroPhaseFilter.lowPass(RATE, 200));
        assertThrows(IllegalArgumentException.class, () -> ZeroPhaseFilter.bandPass(RATE, 0, 40));
    }
}
