package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;

class PlotsTest {
    private static double[][] leadByCondition(double scale) {
        double[][] values = new double[12][6];
        for (int lead = 0; lead < 12; lead++) {
            for (int condition = 0; condition < 6; condition++) {
                values[lead][condition] = scale * ((lead * 7 + condition * 3) % 10) / 10.0;
            }
        }
        return values;
    }

    @Test
    void heatmapPngDecodesAtTheChartSizeAndSvgIsWritten(@TempDir Path dir) throws Exception {
        HeatMapChart chart = Plots.leadConditionHeatmap("(A) Output perturbation", leadByCondition(1));
        List<Path> written = Figure.of(chart).save(dir.resolve("heatmap"));
        assertEquals(List.of(dir.resolve("heatmap.png"), dir.resolve("heatmap.svg")), written);
        BufferedImage png = ImageIO.read(written.get(0).toFile());
        assertNotNull(png, "PNG must decode");
        assertEquals(chart.getWidth(), png.getWidth());
        assertEquals(chart.getHeight(), png.getHeight());
        String svg = Files.readString(written.get(1));
        assertTrue(svg.contains("<svg") && svg.trim().endsWith("</svg>"), "SVG document");
    }

    @Test
    void heatmapCellsAreColouredByValue() {
        double[][] values = new double[12][6];
        values[6][1] = 1.0; // V1 × RBBB is the only hot cell
        BufferedImage image = Figure.of(Plots.leadConditionHeatmap("one hot cell", values)).image();
        int hot = countPixels(image, 204, 76, 2);
        int cell = (image.getWidth() / 10) * (image.getHeight() / 16);
        // One cell (plus the top of the colour bar) has the maximum colour, not the other 71 cells.
        assertTrue(hot > cell / 2 && hot < 2 * cell, "hot pixels " + hot + ", one cell about " + cell);
    }

    @Test
    void gridComposesPanelsUnderATitle(@TempDir Path dir) throws Exception {
        List<HeatMapChart> panels = List.of(
                Plots.leadConditionHeatmap("(A)", leadByCondition(1)),
                Plots.leadConditionHeatmap("(B)", leadByCondition(-1)),
                Plots.leadConditionHeatmap("(C)", leadByCondition(0.01)));
        Figure figure = Figure.grid("Lead importance by method", 2, panels);
        assertEquals(2 * 520, figure.width());
        assertTrue(figure.height() > 2 * 640, "two rows plus a title");
        BufferedImage png = ImageIO.read(figure.savePng(dir.resolve("grid.png")).toFile());
        assertEquals(figure.width(), png.getWidth());
        assertEquals(figure.height(), png.getHeight());
        // The empty fourth cell stays white; the filled ones do not.
        assertEquals(0xFFFFFFFF, png.getRGB(png.getWidth() - 10, png.getHeight() - 10));
        assertNotEquals(0xFFFFFFFF, png.getRGB(260, figure.height() - 640 / 2));
    }

    @Test
    void barsLinesAndErrorBarsRender(@TempDir Path dir) throws Exception {
        List<String> leads = List.of("I", "II", "V1");
        Map<String, double[]> scores = new LinkedHashMap<>();
        scores.put("Loss impact", new double[] {0.2, 0.1, 0.7});
        scores.put("Integrated gradients", new double[] {0.3, 0.2, 0.5});
        Map<String, double[]> errors = new LinkedHashMap<>();
        errors.put("Loss impact", new double[] {0.01, 0.02, 0.03});
        errors.put("Integrated gradients", new double[] {0.01, 0.01, 0.01});
        double[] leadsUsed = {1, 2, 3, 12};
        var charts = List.of(
                Plots.bars("bars", "Lead", "Score", leads, scores),
                Plots.stackedBars("stacked", "Lead", "Score", leads, scores),
                Plots.barsWithErrors("errors", "Lead", "Score", leads, scores, errors),
                Plots.lines("F1 vs leads", "Number of leads", "Macro F1", List.of(
                        Plots.Line.of("Reduced channels", leadsUsed, new double[] {0.87, 0.88, 0.86, 0.88})
                                .withInterval(new double[] {0.85, 0.86, 0.84, 0.87}, new double[] {0.89, 0.9, 0.88, 0.9}),
                        Plots.Line.of("Inference with masking", leadsUsed, new double[] {0.5, 0.7, 0.8, 0.88}))));
        for (int i = 0; i < charts.size(); i++) {
            Path png = Figure.of(charts.get(i)).savePng(dir.resolve("chart" + i + ".png"));
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(charts.get(i).getWidth(), image.getWidth());
            assertTrue(Files.size(png) > 5_000, "a real picture, not a blank");
        }
    }

    @Test
    void mismatchedShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Plots.leadConditionHeatmap("bad", new double[12][5]));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.bars("bad", "x", "y", List.of("a", "b"), Map.of("s", new double[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.bars("bad", "x", "y", List.of("a"), Map.of("s", new double[] {Double.NaN})));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.Line.of("l", new double[] {1, 2}, new double[] {1}));
    }

    private static int countPixels(BufferedImage image, int red, int green, int blue) {
        int wanted = (red << 16) | (green << 8) | blue;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == wanted) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void colourBarEndsAreRoundedUpToTwoDigits() {
        assertEquals(0.0076, Plots.roundUpTwoDigits(0.007507757543705566), 0);
        assertEquals("0.0076", String.valueOf(Plots.roundUpTwoDigits(0.007507757543705566)));
        assertEquals(1.0, Plots.roundUpTwoDigits(1.0), 0);
        assertEquals(0.36, Plots.roundUpTwoDigits(0.35692), 0);
        assertEquals(13.0, Plots.roundUpTwoDigits(12.01), 0);
    }
}
