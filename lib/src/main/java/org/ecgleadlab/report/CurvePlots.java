package org.ecgleadlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.metrics.PrecisionRecallCurve;
import org.ecgleadlab.metrics.RocCurve;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.None;

/**
 * ROC and precision-recall curves of the six conditions, one line each, the area in the legend. A condition whose
 * curve is undefined (no positive or no negative exam) is left out and named as such in the legend's last entry.
 * Wrap the chart in a {@link Figure} to save PNG and SVG.
 */
public final class CurvePlots {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 600;
    /** Six clearly different colours (matplotlib's tab10), one per condition in {@link Condition} order. */
    private static final Color[] CONDITION_COLOURS = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75)};
    private static final BasicStroke SOLID = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    private static final BasicStroke DASHED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 4f}, 0f);

    static {
        Plots.useHeadlessAwt();
    }

    private CurvePlots() {
    }

    /** ROC curves (false positive rate → true positive rate), one per condition, with the chance diagonal. */
    public static XYChart roc(String title, List<RocCurve> curves) {
        XYChart chart = chart(title, "false positive rate (1 − specificity)", "true positive rate (sensitivity)");
        List<String> undefined = forEachDefined(curves, RocCurve::isDefined, (c, curve) -> line(chart,
                String.format(Locale.ROOT, "%s (AUC %.3f)", c.column(), curve.auc()),
                curve.falsePositiveRate(), curve.truePositiveRate(), c));
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(new None()).setLineColor(Color.GRAY).setLineStyle(DASHED);
        noteUndefined(chart, undefined);
        return chart;
    }

    /**
     * Precision-recall curves (recall → precision), one per condition, drawn as the step function whose area is the
     * average precision: between two recalls the precision of the higher one.
     */
    public static XYChart precisionRecall(String title, List<PrecisionRecallCurve> curves) {
        XYChart chart = chart(title, "recall (sensitivity)", "precision (positive predictive value)");
        List<String> undefined = forEachDefined(curves, PrecisionRecallCurve::isDefined, (c, curve) -> {
            double[][] steps = steps(curve.recall(), curve.precision());
            line(chart, String.format(Locale.ROOT, "%s (AP %.3f)", c.column(), curve.averagePrecision()), steps[0],
                    steps[1], c);
        });
        noteUndefined(chart, undefined);
        return chart;
    }

    /** Hands each condition's curve to {@code draw} where it is defined; returns the names of the others. */
    private static <C> List<String> forEachDefined(List<C> curves, Predicate<C> isDefined,
                                                   BiConsumer<Condition, C> draw) {
        List<String> undefined = new ArrayList<>();
        for (Condition c : Condition.values()) {
            C curve = curves.get(c.index());
            if (isDefined.test(curve)) {
                draw.accept(c, curve);
            } else {
                undefined.add(c.column());
            }
        }
        return undefined;
    }

    /** The points {x, y} of the step function through (r[k], p[k]) that keeps p[k] until r[k + 1]. */
    private static double[][] steps(double[] r, double[] p) {
        int n = r.length;
        double[] x = new double[2 * n - 1];
        double[] y = new double[2 * n - 1];
        for (int k = 0; k < n - 1; k++) {
            x[2 * k] = r[k];
            y[2 * k] = p[k];
            x[2 * k + 1] = r[k + 1];
            y[2 * k + 1] = p[k];
        }
        x[2 * n - 2] = r[n - 1];
        y[2 * n - 2] = p[n - 1];
        return new double[][] {x, y};
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Plots.styleAxes(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Condition condition) {
        double[][] drawn = thinned(x, y, 0.25 / WIDTH, 0.25 / HEIGHT);
        XYSeries series = chart.addSeries(name, drawn[0], drawn[1]);
        series.setMarker(new None()).setLineColor(CONDITION_COLOURS[condition.index()]).setLineStyle(SOLID);
    }

    /**
     * The points of a curve on the unit square that a drawing can tell apart: a point is kept when it lies at least
     * {@code dx} or {@code dy} from the last kept one (a quarter pixel), the first and last always. A curve over 50,000
     * exams has as many points, and its SVG held every one (evaluate ran out of a 384 MB heap writing it); thinned,
     * a monotone curve keeps at most 1/dx + 1/dy points whatever the exam count, and no drawn point moves.
     */
    static double[][] thinned(double[] x, double[] y, double dx, double dy) {
        int n = x.length;
        if (n <= 2) {
            return new double[][] {x, y};
        }
        double[] keptX = new double[n];
        double[] keptY = new double[n];
        int count = 0;
        keptX[count] = x[0];
        keptY[count++] = y[0];
        for (int i = 1; i < n - 1; i++) {
            if (Math.abs(x[i] - keptX[count - 1]) >= dx || Math.abs(y[i] - keptY[count - 1]) >= dy) {
                keptX[count] = x[i];
                keptY[count++] = y[i];
            }
        }
        keptX[count] = x[n - 1];
        keptY[count++] = y[n - 1];
        return new double[][] {Arrays.copyOf(keptX, count), Arrays.copyOf(keptY, count)};
    }

    private static void noteUndefined(XYChart chart, List<String> undefined) {
        if (!undefined.isEmpty()) {
            // An empty series only to say in the legend which conditions have no curve.
            XYSeries note = chart.addSeries(String.join(", ", undefined) + ": undefined (no positive or negative exam)",
                    new double[] {0}, new double[] {0});
            note.setMarker(new None()).setLineColor(new Color(0, 0, 0, 0));
        }
    }
}
