package org.ecgleadlab.measure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Figure;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.None;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Overlaid plots of a {@link DataComparison}: per-lead distributions as box-like marks (median dot, interquartile bar,
 * 5–95 % whisker; A left, B right of each lead), histograms of the per-exam measures, and the two sides' mean Welch
 * spectra of the limb and precordial leads.
 */
public final class ComparisonPlots {
    static final Color A_COLOR = new Color(31, 119, 180);
    static final Color B_COLOR = new Color(214, 39, 40);
    private static final String LEAD_AXIS = "lead";
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ComparisonPlots() {
    }

    /** Saves amplitudes.png, noise.png, intervals.png and spectra.png (PNG and SVG) into {@code out}. */
    static void save(DataComparison c, Path out) {
        amplitudes(c).save(out.resolve("amplitudes"));
        noise(c).save(out.resolve("noise"));
        intervals(c).save(out.resolve("intervals"));
        spectra(c).save(out.resolve("spectra"));
    }

    /** P, R, S, T, QRS peak-to-peak and 0.5–40 Hz peak-to-peak per lead. */
    public static Figure amplitudes(DataComparison c) {
        List<XYChart> panels = new ArrayList<>();
        for (Measure m : List.of(Measure.P_AMPLITUDE, Measure.R_AMPLITUDE, Measure.S_AMPLITUDE, Measure.T_AMPLITUDE,
                Measure.QRS_PEAK_TO_PEAK, Measure.SPAN_PEAK_TO_PEAK)) {
            panels.add(perLead(c, m));
        }
        return Figure.grid("Amplitudes per lead: " + c.a().name() + " vs " + c.b().name(), 2, panels);
    }

    /** > 40 Hz noise and baseline wander per lead. */
    public static Figure noise(DataComparison c) {
        return Figure.grid("Noise per lead: " + c.a().name() + " vs " + c.b().name(), 2,
                List.of(perLead(c, Measure.HIGH_FREQUENCY_NOISE), perLead(c, Measure.WANDER)));
    }

    /** Histograms of heart rate, RR variation, PR, QRS, QT, QTc, axis and R/S transition. */
    public static Figure intervals(DataComparison c) {
        List<XYChart> panels = new ArrayList<>();
        for (Measure m : List.of(Measure.HEART_RATE, Measure.RR_VARIATION, Measure.PR, Measure.QRS, Measure.QT, Measure.QTC, Measure.AXIS,
                Measure.RS_TRANSITION)) {
            panels.add(histogram(c, m));
        }
        return Figure.grid("Rate, intervals and axis: " + c.a().name() + " vs " + c.b().name(), 4, panels);
    }

    /** Mean Welch PSD of the limb leads (I–aVF) and of the precordial leads (V1–V6), log scale. */
    public static Figure spectra(DataComparison c) {
        return Figure.grid("Mean spectra (Welch, raw recording): " + c.a().name() + " vs " + c.b().name(), 2,
                List.of(spectrum(c, "Limb leads I-aVF", 0, 6), spectrum(c, "Precordial leads V1-V6", 6, 12)));
    }

    private static XYChart perLead(DataComparison c, Measure m) {
        XYChart chart = chart(m.label() + " (" + m.unit() + ")", LEAD_AXIS, m.unit(), 560, 380);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(Lead.COUNT + 1.0).setXAxisTickMarkSpacingHint(25)
                .setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(ComparisonPlots::leadTick);
        boxes(chart, c.a(), m, -0.17, A_COLOR);
        boxes(chart, c.b(), m, +0.17, B_COLOR);
        return chart;
    }

    /**
     * The tick label at x: the lead's name at 1..12. XChart 3.8.8 draws no ticks at all when the axis ends (0, 13)
     * get the same label, and widens the tick step until all labels differ: so every other whole number gets its own
     * blank, and fractions share one (a step below 1 is then refused).
     */
    static String leadTick(double x) {
        long i = Math.round(x);
        if (Math.abs(x - i) > 1e-6) {
            return "";
        }
        if (i >= 1 && i <= Lead.COUNT) {
            return Lead.values()[(int) i - 1].label();
        }
        return " ".repeat((int) Math.min(64, i < 1 ? 1 - 2 * i : 2 * (i - Lead.COUNT)));
    }

    private static void boxes(XYChart chart, DataSideMeasures side, Measure m, double shift, Color color) {
        double[] x = new double[Lead.COUNT];
        double[] median = new double[Lead.COUNT];
        int shown = 0;
        for (int l = 0; l < Lead.COUNT; l++) {
            double[] v = side.finite(m, l);
            if (v.length == 0) {
                continue;
            }
            double xl = l + 1 + shift;
            x[shown] = xl;
            median[shown++] = Delineator.percentile(v, 0.5);
            segment(chart, side.name() + m + l + "w", xl, Delineator.percentile(v, 0.05),
                    Delineator.percentile(v, 0.95), color, 1f);
            segment(chart, side.name() + m + l + "q", xl, Delineator.percentile(v, 0.25),
                    Delineator.percentile(v, 0.75), color, 7f);
        }
        if (shown > 0) {
            XYSeries s = chart.addSeries(side.name() + " median", java.util.Arrays.copyOf(x, shown),
                    java.util.Arrays.copyOf(median, shown));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(color.darker());
        }
    }

    private static void segment(XYChart chart, String name, double x, double from, double to, Color color,
                                float width) {
        XYSeries s = chart.addSeries(name, new double[] {x, x}, new double[] {from, to});
        s.setMarker(new None()).setLineColor(color).setLineStyle(new BasicStroke(width)).setShowInLegend(false);
    }

    private static XYChart histogram(DataComparison c, Measure m) {
        double[] a = c.a().finite(m, 0);
        double[] b = c.b().finite(m, 0);
        XYChart chart = chart(m.label() + " (" + m.unit() + ")", m.unit(), "share of exams", 420, 300);
        chart.getStyler().setXAxisDecimalPattern("0");
        double[] both = new double[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        if (both.length == 0) {
            chart.addSeries("no values", new double[] {0}, new double[] {0});
            return chart;
        }
        boolean integer = m == Measure.RS_TRANSITION;
        double lo = integer ? 0.5 : Delineator.percentile(both, 0.01);
        double hi = integer ? 7.5 : Delineator.percentile(both, 0.99);
        int bins = integer ? 7 : 25;
        if (hi <= lo) {
            hi = lo + 1;
        }
        step(chart, c.a().name(), a, lo, hi, bins, A_COLOR);
        step(chart, c.b().name(), b, lo, hi, bins, B_COLOR);
        return chart;
    }

    private static void step(XYChart chart, String name, double[] v, double lo, double hi, int bins, Color color) {
        if (v.length == 0) {
            return;
        }
        double width = (hi - lo) / bins;
        double[] x = new double[bins + 1];
        double[] y = new double[bins + 1];
        for (double value : v) {
            int k = (int) Math.floor((Math.min(Math.max(value, lo), hi - 1e-9) - lo) / width);
            y[k] += 1.0 / v.length;
        }
        for (int k = 0; k <= bins; k++) {
            x[k] = lo + k * width;
        }
        y[bins] = y[bins - 1];
        XYSeries s = chart.addSeries(name + " (n=" + v.length + ")", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setMarker(new None()).setLineColor(color).setLineStyle(new BasicStroke(2f));
    }

    private static XYChart spectrum(DataComparison c, String title, int fromLead, int toLead) {
        XYChart chart = chart(title, "frequency (Hz)", "PSD (mV²/Hz)", 560, 360);
        chart.getStyler().setYAxisLogarithmic(true).setXAxisMin(0.0).setXAxisMax(200.0);
        meanSpectrum(chart, c.a(), fromLead, toLead, A_COLOR);
        meanSpectrum(chart, c.b(), fromLead, toLead, B_COLOR);
        return chart;
    }

    private static void meanSpectrum(XYChart chart, DataSideMeasures side, int fromLead, int toLead, Color color) {
        double[] f = side.frequencies();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int k = 1; k < f.length; k++) {
            double sum = 0;
            int count = 0;
            for (int l = fromLead; l < toLead; l++) {
                if (side.spectraCount()[l] > 0) {
                    sum += side.spectra()[l][k];
                    count++;
                }
            }
            if (count > 0 && sum > 0) {
                xs.add(f[k]);
                ys.add(sum / count);
            }
        }
        if (!xs.isEmpty()) {
            XYSeries s = chart.addSeries(side.name(), xs, ys);
            s.setMarker(new None()).setLineColor(color).setLineStyle(new BasicStroke(1.5f));
        }
    }

    static XYChart chart(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE)
                .setPlotBorderColor(Color.DARK_GRAY).setChartTitleFont(TITLE).setChartTitleBoxVisible(false)
                .setLegendFont(TEXT).setLegendBorderColor(Color.LIGHT_GRAY)
                .setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setAxisTitleFont(TEXT).setAxisTickLabelsFont(TEXT)
                .setPlotGridLinesColor(new Color(225, 225, 225));
        return chart;
    }
}
