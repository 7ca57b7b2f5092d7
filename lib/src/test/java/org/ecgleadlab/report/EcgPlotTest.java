package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Lead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcgPlotTest {
    /** Layout constants of EcgPlot in pixels: 4 px/mm, 3 mm margin + 10 mm calibration, 9 mm header, 25 mm rows. */
    private static final int SIGNAL_LEFT = 52;
    private static final int HEADER = 36;
    private static final int ROW = 100;
    private static final int BASELINE = 56;
    private static final int PX_PER_SECOND = 100;

    /** A CODE tracing (time-major, 400 Hz) with {@code recorded} samples centred in 4096 and a constant per lead. */
    private static float[] tracing(int recorded, float[] millivoltsPerLead) {
        float[] raw = new float[CodeFormat.TRACING_VALUES];
        int first = (CodeFormat.SAMPLES - recorded) / 2;
        for (int t = first; t < first + recorded; t++) {
            for (int lead = 0; lead < Lead.COUNT; lead++) {
                raw[t * Lead.COUNT + lead] = millivoltsPerLead[lead];
            }
        }
        return raw;
    }

    private static float[] constantLeads(Lead lead, float millivolts) {
        float[] values = new float[Lead.COUNT];
        Arrays.fill(values, 0.01f); // non-zero everywhere, so the recording's span is visible
        values[lead.channel()] = millivolts;
        return values;
    }

    private static boolean isDark(int rgb) {
        Color c = new Color(rgb);
        // Black (or blue) ink, also where anti-aliasing blends it half with the pink grid; not grid, paper or grey.
        return c.getRed() < 200 && c.getGreen() < 135;
    }

    /** Whether a column of pixels around {@code (x, y)} (±2 px vertically) holds a dark trace pixel. */
    private static boolean traceNear(BufferedImage image, int x, int y) {
        for (int dy = -2; dy <= 2; dy++) {
            if (isDark(image.getRGB(x, y + dy))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void cutsZeroPaddingSoTenAndSevenSecondExamsShowTheirLength() {
        assertEquals(10.0, EcgPlot.ofTracing(tracing(4000, constantLeads(Lead.I, 1))).recordedSeconds(), 1e-9);
        assertEquals(7.0, EcgPlot.ofTracing(tracing(2800, constantLeads(Lead.I, 1))).recordedSeconds(), 1e-9);
        // An all-zero exam keeps its whole (flat) length rather than vanishing.
        assertEquals(4096 / 400.0, EcgPlot.ofTracing(new float[CodeFormat.TRACING_VALUES]).recordedSeconds(), 1e-9);
    }

    @Test
    void drawsEachLeadInItsRowAndColumnAtTenMillimetresPerMillivolt() {
        // V1 (row 0, column 2) is +1 mV; every other lead is ~0 mV.
        BufferedImage image = EcgPlot.ofTracing(tracing(4000, constantLeads(Lead.V1, 1f))).image();
        assertEquals(1064, image.getWidth());
        assertEquals(448, image.getHeight());
        int v1X = SIGNAL_LEFT + (int) (6.0 * PX_PER_SECOND); // 6 s into the recording lies in column 2
        int onemV = HEADER + BASELINE - 40;                   // 10 mm above row 0's baseline
        assertTrue(traceNear(image, v1X, onemV), "V1 drawn 10 mm above its baseline");
        assertTrue(!traceNear(image, v1X, HEADER + BASELINE), "nothing on V1's baseline");
        int iX = SIGNAL_LEFT + (int) (1.0 * PX_PER_SECOND);   // column 0 of row 0 is lead I, at ~0 mV
        assertTrue(traceNear(image, iX, HEADER + BASELINE), "lead I on its baseline");
        assertTrue(!traceNear(image, iX, onemV), "lead I is not at 1 mV");
        // Rhythm strip (row 3) shows lead II over the whole 10 s.
        assertTrue(traceNear(image, SIGNAL_LEFT + 950, HEADER + 3 * ROW + BASELINE), "rhythm strip");
    }

    @Test
    void sevenSecondExamLeavesTheLastSecondsBlank() {
        BufferedImage image = EcgPlot.ofTracing(tracing(2800, constantLeads(Lead.I, 0f))).image();
        int stripBaseline = HEADER + 3 * ROW + BASELINE;
        assertTrue(traceNear(image, SIGNAL_LEFT + 650, stripBaseline), "signal at 6.5 s");
        assertTrue(!traceNear(image, SIGNAL_LEFT + 850, stripBaseline), "no signal at 8.5 s");
    }

    @Test
    void drawsMillimetreGridAndHighlightsLeads() {
        BufferedImage image = EcgPlot.ofTracing(tracing(4000, constantLeads(Lead.V1, 1f)))
                .highlight(List.of(Lead.V1)).dim(List.of(Lead.AVR)).title("exam 1 · RBBB").image();
        // A major grid line (every 5 mm = 20 px from the grid's corner at (12, 36)) away from any trace.
        Color major = new Color(image.getRGB(12 + 20 * 10, HEADER + 80 + 3));
        assertTrue(major.getRed() > 200 && major.getGreen() < 200, "major grid line is red: " + major);
        Color paper = new Color(image.getRGB(12 + 20 * 10 + 2, HEADER + 80 + 2));
        assertTrue(paper.getRed() > 240 && paper.getGreen() > 240, "paper between lines is white: " + paper);
        int v1X = SIGNAL_LEFT + 600;
        boolean blue = false;
        for (int dy = -2; dy <= 2; dy++) {
            Color c = new Color(image.getRGB(v1X, HEADER + BASELINE - 40 + dy));
            blue |= c.getBlue() > 120 && c.getRed() < 90;
        }
        assertTrue(blue, "highlighted V1 is blue");
        Color dimmed = new Color(image.getRGB(SIGNAL_LEFT + 350, HEADER + BASELINE - 1));
        assertTrue(!isDark(dimmed.getRGB()), "dimmed aVR is grey, not black: " + dimmed);
    }

    @Test
    void modelInputIsDrawnAt250Hz(@TempDir Path dir) throws Exception {
        float[] input = new float[Lead.COUNT * CodeFormat.MODEL_SAMPLES];
        Arrays.fill(input, 0.5f);
        EcgPlot plot = EcgPlot.ofModelInput(input);
        assertEquals(2560 / 250.0, plot.recordedSeconds(), 1e-9);
        BufferedImage png = ImageIO.read(plot.savePng(dir.resolve("ecg.png")).toFile());
        assertNotNull(png);
        assertEquals(plot.width(), png.getWidth());
    }

    @Test
    void rejectsWrongShapes() {
        assertThrows(IllegalArgumentException.class, () -> EcgPlot.ofTracing(new float[100]));
        assertThrows(IllegalArgumentException.class, () -> EcgPlot.ofModelInput(new float[100]));
        assertThrows(IllegalArgumentException.class, () -> EcgPlot.of(new float[11][10], 400));
    }
}
