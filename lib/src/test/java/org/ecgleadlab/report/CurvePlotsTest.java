package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecgleadlab.metrics.PrecisionRecallCurve;
import org.ecgleadlab.metrics.RocCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.w3c.dom.Document;

class CurvePlotsTest {
    private static final double[] SCORES = {0.1, 0.4, 0.35, 0.8, 0.35, 0.35, 0.9, 0.1, 0.6, 0.6, 0.2, 0.7};

    /** Six conditions: the labels shift per condition; condition 2 (LBBB) has no positive exam. */
    private static boolean[] labels(int condition) {
        boolean[] y = new boolean[SCORES.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = condition != 2 && (SCORES[i] + 0.07 * condition + 0.05 * (i % 3)) > 0.5;
        }
        return y;
    }

    @Test
    void rocAndPrecisionRecallFiguresSaveAsDecodablePngAndWellFormedSvg(@TempDir Path dir) throws Exception {
        List<RocCurve> roc = new ArrayList<>();
        List<PrecisionRecallCurve> pr = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            roc.add(RocCurve.of(SCORES, labels(c)));
            pr.add(PrecisionRecallCurve.of(SCORES, labels(c)));
        }
        XYChart rocChart = CurvePlots.roc("ROC", roc);
        XYChart prChart = CurvePlots.precisionRecall("Precision-recall", pr);
        // five curves, the chance line and the note naming LBBB as undefined
        assertEquals(7, rocChart.getSeriesMap().size());
        assertTrue(rocChart.getSeriesMap().keySet().stream().anyMatch(name -> name.startsWith("LBBB: undefined")),
                rocChart.getSeriesMap().keySet().toString());
        assertTrue(rocChart.getSeriesMap().containsKey(String.format(java.util.Locale.ROOT, "1dAVb (AUC %.3f)",
                roc.get(0).auc())));
        assertEquals(6, prChart.getSeriesMap().size());
        for (XYChart chart : List.of(rocChart, prChart)) {
            List<Path> files = Figure.of(chart).save(dir.resolve(chart.getTitle()));
            BufferedImage png = ImageIO.read(files.get(0).toFile());
            assertNotNull(png, "PNG must decode");
            assertEquals(chart.getWidth(), png.getWidth());
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            // well-formed XML is checked; the SVG DTD it names is not fetched (tests run offline)
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document svg = xml.newDocumentBuilder().parse(files.get(1).toFile());
            assertEquals("svg", svg.getDocumentElement().getTagName());
        }
    }

    @Test
    void precisionRecallStepsEncloseTheAveragePrecision() {
        boolean[] y = labels(0);
        PrecisionRecallCurve curve = PrecisionRecallCurve.of(SCORES, y);
        XYChart chart = CurvePlots.precisionRecall("PR", List.of(curve, curve, curve, curve, curve, curve));
        var series = chart.getSeriesMap().values().iterator().next();
        double[] x = series.getXData();
        double[] p = series.getYData();
        double area = 0;
        for (int k = 0; k + 1 < x.length; k++) {
            area += (x[k] - x[k + 1]) * p[k]; // horizontal steps carry the area, vertical ones none
        }
        assertEquals(curve.averagePrecision(), area, 1e-12);
    }

    @Test
    void aCurveOverFiftyThousandExamsIsDrawnWithABoundedNumberOfPointsNoneMovedMoreThanAQuarterPixel() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int n = 50_000;
        double[] scores = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < 0.1;
            scores[i] = random.nextDouble() + (y[i] ? 0.3 : 0);
        }
        RocCurve curve = RocCurve.of(scores, y);
        double[] x = curve.falsePositiveRate();
        double[] t = curve.truePositiveRate();
        double dx = 0.25 / 760;
        double dy = 0.25 / 600;
        assertTrue(x.length > 1 / dx + 1 / dy + 2, "the curve itself has more corners than the bound: " + x.length);
        double[][] drawn = CurvePlots.thinned(x, t, dx, dy);
        assertTrue(drawn[0].length <= 1 / dx + 1 / dy + 2, "points drawn: " + drawn[0].length);
        assertEquals(x[0], drawn[0][0]);
        assertEquals(t[t.length - 1], drawn[1][drawn[1].length - 1]);
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (kept + 1 < drawn[0].length && x[i] == drawn[0][kept + 1] && t[i] == drawn[1][kept + 1]) {
                kept++;
            } else {
                assertTrue(Math.abs(x[i] - drawn[0][kept]) < dx || x[i] == drawn[0][kept], "x of point " + i);
                assertTrue(Math.abs(t[i] - drawn[1][kept]) < dy || t[i] == drawn[1][kept], "y of point " + i);
            }
        }
        assertEquals(drawn[0].length - 1, kept, "every drawn point is one of the curve's, in order");
        XYChart chart = CurvePlots.roc("ROC", java.util.Collections.nCopies(6, curve));
        assertEquals(drawn[0].length, chart.getSeriesMap().values().iterator().next().getXData().length);
        // The precision-recall steps have two points per distinct score (100,000 here); drawn, far fewer.
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(scores, y);
        XYChart prChart = CurvePlots.precisionRecall("PR", java.util.Collections.nCopies(6, pr));
        int prPoints = prChart.getSeriesMap().values().iterator().next().getXData().length;
        assertTrue(pr.recall().length > 40_000 && prPoints < pr.recall().length / 4, "PR points drawn: " + prPoints);
    }
}
