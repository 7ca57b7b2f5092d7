package org.ecgleadlab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.Resampler;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeRawFormTest {
    private static final String[] LEADS = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};

    @TempDir
    Path dir;

    /** 12 leads: II is {@code wave}, the others seeded noise (digital units, gain 1000/mV). */
    private Path twelveLeads(String name, double hz, int[] wave, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] signals = new int[12][wave.length];
        for (int c = 0; c < 12; c++) {
            for (int i = 0; i < wave.length; i++) {
                signals[c][i] = c == 1 ? wave[i] : random.nextInt(-3000, 3000);
            }
        }
        return WfdbFiles.record(dir, name, 16, hz, signals, LEADS);
    }

    private static int[] wave(int n, double hz, double f1, double f2, double a2, boolean cosine) {
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            double second = cosine ? Math.cos(2 * Math.PI * f2 * i / hz) : Math.sin(2 * Math.PI * f2 * i / hz);
            d[i] = (int) Math.round(1000 * (Math.sin(2 * Math.PI * f1 * i / hz) + a2 * second));
        }
        return d;
    }

    private static float at(float[] tracing, int row, Lead lead) {
        return tracing[row * Lead.COUNT + lead.channel()];
    }

    @Test
    void shortRecordAt500HzIsResampledLikeScipyAndPaddedCentred() {
        // scipy 1.17: n = arange(5000); d = round(1000*(sin(2*pi*1.3*n/500) + 0.3*sin(2*pi*17*n/500)));
        // resample_poly((d/1000).astype(float32), 4, 5)[j] for j = 0, 1, 1000, 2345, 3999 (4000 outputs)
        float[] tracing = CodeRawForm.read(twelveLeads("p", 500, wave(5000, 500, 1.3, 17, 0.3, false), 1));
        int pad = (4096 - 4000) / 2;
        double[][] expected = {{0, 0.004015780851744746}, {1, 0.09888023610768712}, {1000, 0.999571463856626},
            {2345, -0.9462239059634618}, {3999, -0.09888023610768715}};
        for (double[] e : expected) {
            assertEquals(e[1], at(tracing, pad + (int) e[0], Lead.II), 2e-6, "output " + (int) e[0]);
        }
        for (int row = 0; row < pad; row++) {
            assertEquals(0f, at(tracing, row, Lead.II));
            assertEquals(0f, at(tracing, 4095 - row, Lead.V6));
        }
    }

    @Test
    void longRecordAt1000HzIsCentreCroppedAfterResampling() {
        // scipy: n = arange(12000); d = round(1000*(sin(2*pi*2.1*n/1000) + 0.5*cos(2*pi*31*n/1000)));
        // y = resample_poly((d/1000).astype(float32), 2, 5) (4800 outputs); y[352 + j], 352 = (4800 - 4096) // 2
        float[] tracing = CodeRawForm.read(twelveLeads("l", 1000, wave(12000, 1000, 2.1, 31, 0.5, true), 2));
        double[][] expected = {{0, -0.9103699938670372}, {1, -1.1094977160104504}, {2000, 0.7229437111149227},
            {4095, 0.5081887465391435}};
        for (double[] e : expected) {
            assertEquals(e[1], at(tracing, (int) e[0], Lead.II), 2e-6, "row " + (int) e[0]);
        }
    }

    /** The windowed crop equals resampling the whole record and keeping the centred 4096 (or padding). */
    @ParameterizedTest(name = "{0} Hz, {1} samples")
    @CsvSource({"500,7500", "500,30000", "500,5000", "1000,38400", "257,5000", "257,1500", "100,1000", "100,6000",
        "300,2934", "300,9000", "800,2934", "800,9001", "360,3601", "128.5,2000", "400,2934", "400,4096", "400,5001",
        "250,2561", "250,2560"})
    void equalsWholeRecordResampledThenCropped(double hz, int n) {
        Path hea = twelveLeads("w", hz, wave(n, hz, 1.1, 9, 0.4, false), n);
        WfdbRecord record = WfdbRecord.read(hea);
        float[] tracing = CodeRawForm.of(record, StandardLeads.match(record.header()).orElseThrow());
        int[] ratio = CodeRawForm.ratio(hz, hea);
        Resampler resampler = new Resampler(ratio[0], ratio[1], 5.0);
        for (int c = 0; c < 12; c++) {
            float[] mv = record.millivolts(c);
            float[] whole = ratio[0] == 1 && ratio[1] == 1 ? mv : new float[resampler.outputLength(n)];
            if (whole != mv) {
                resampler.resample(mv, 0, 1, n, whole, 0, 1);
            }
            float[] expected = new float[CodeFormat.SAMPLES];
            int length = whole.length;
            if (length >= CodeFormat.SAMPLES) {
                System.arraycopy(whole, (length - CodeFormat.SAMPLES) / 2, expected, 0, CodeFormat.SAMPLES);
            } else {
                System.arraycopy(whole, 0, expected, (CodeFormat.SAMPLES - length) / 2, length);
            }
            float[] actual = new float[CodeFormat.SAMPLES];
            for (int row = 0; row < CodeFormat.SAMPLES; row++) {
                actual[row] = tracing[row * 12 + c];
            }
            assertArrayEquals(expected, actual, "lead " + LEADS[c]);
        }
    }

    @Test
    void ratiosOfCommonAndFractionalRates() {
        Path file = Path.of("r.hea");
        assertArrayEquals(new int[] {4, 5}, CodeRawForm.ratio(500, file));
        assertArrayEquals(new int[] {2, 5}, CodeRawForm.ratio(1000, file));
        assertArrayEquals(new int[] {400, 257}, CodeRawForm.ratio(257, file));
        assertArrayEquals(new int[] {4, 1}, CodeRawForm.ratio(100, file));
        assertArrayEquals(new int[] {1, 1}, CodeRawForm.ratio(400, file));
        assertArrayEquals(new int[] {800, 257}, CodeRawForm.ratio(128.5, file));
        EcgLabException e = assertThrows(EcgLabException.class, () -> CodeRawForm.ratio(400.0001234, file));
        assertTrue(e.getMessage().contains("r.hea: sampling frequency 400.0001234 Hz"), e.getMessage());
    }

    @Test
    void recordAt400HzIsCopiedAndPaddedLikeCode15() {
        int[] wave = wave(2934, 400, 1, 7, 0.2, false);
        float[] tracing = CodeRawForm.read(twelveLeads("c", 400, wave, 3));
        int pad = (4096 - 2934) / 2;
        assertEquals(581, pad);
        for (int i = 0; i < wave.length; i++) {
            assertEquals((float) (wave[i] / 1000.0), at(tracing, pad + i, Lead.II), "sample " + i);
        }
        assertEquals(0f, at(tracing, pad - 1, Lead.II));
        assertEquals(0f, at(tracing, pad + 2934, Lead.II));
    }

    @Test
    void missingLeadsAreNamedAndNonFiniteValuesRefused() {
        int[][] two = {{1, 2}, {3, 4}};
        Path partial = WfdbFiles.record(dir, "two", 16, 500, two, "I", "MLII");
        EcgLabException missing = assertThrows(EcgLabException.class, () -> CodeRawForm.read(partial));
        assertTrue(missing.getMessage().startsWith(partial + ": record two lacks the standard lead(s) II, III, aVR,"),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("(its signals: I, MLII)"), missing.getMessage());
        Path tiny = twelveLeads("tiny", 500, new int[] {5, 6, 7}, 4);
        WfdbFiles.write(tiny, WfdbFiles.readString(tiny).replace("1000/mV", "1e-300/mV"));
        EcgLabException infinite = assertThrows(EcgLabException.class, () -> CodeRawForm.read(tiny));
        assertTrue(infinite.getMessage().contains("record tiny, lead I: a value in mV is not finite"),
                infinite.getMessage());
    }
}
