package org.ecgleadlab.subsets;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Figure;
import org.ecgleadlab.report.Plots;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Macro F1 against subset size: one dot per searched subset (jittered sideways so a size's subsets do not hide each
 * other), the best of each size, the ranking's Top-k and Bottom-3, and the device sets marked and labelled.
 */
public final class SubsetPlot {
    private static final double JITTER = 0.28;

    private SubsetPlot() {
    }

    public static Figure f1VersusSize(SubsetSearch.Outcome outcome) {
        XYChart chart = new XYChartBuilder().width(1000).height(620)
                .title("Macro F1 of every lead subset (masked inference, "
                        + (outcome.leadDropoutModel() ? "lead-dropout model" : "12-lead model") + ", "
                        + outcome.exams() + " exams)")
                .xAxisTitle("leads in the subset").yAxisTitle("macro F1 (threshold "
                        + outcome.options().threshold() + ")").build();
        Plots.styleAxes(chart.getStyler());
        var styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setMarkerSize(7);
        styler.setXAxisMin(0.5);
        styler.setXAxisMax(Lead.COUNT + 0.5);
        styler.setXAxisDecimalPattern("0");
        styler.setAnnotationTextFontColor(Color.DARK_GRAY);
        Random jitter = new Random(outcome.options().seed());
        double[] x = new double[outcome.exhaustive().size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            SubsetScore s = outcome.exhaustive().get(i);
            x[i] = s.size() + (jitter.nextDouble() * 2 - 1) * JITTER;
            y[i] = s.f1();
        }
        add(chart, "subsets of 1-" + outcome.options().maxSize() + " leads (" + x.length + ")", x, y,
                SeriesMarkers.CIRCLE, new Color(150, 150, 150, 150));
        List<SubsetScore> best = outcome.analysis().bestBySize().stream().map(SubsetAnalysis.SizeBest::best).toList();
        add(chart, "best of each size", sizes(best), f1(best), SeriesMarkers.DIAMOND, new Color(0, 140, 70));
        for (SubsetScore s : best) {
            label(chart, s.set().name(), s.size(), s.f1(), 0.012);
        }
        List<SubsetScore> top = new ArrayList<>();
        List<SubsetScore> bottom = new ArrayList<>();
        for (SubsetAnalysis.Standing standing : outcome.rankingStandings()) {
            (standing.name().startsWith("Bottom") ? bottom : top).add(standing.score());
        }
        if (!top.isEmpty()) {
            add(chart, "ranking Top-k", sizes(top), f1(top), SeriesMarkers.TRIANGLE_UP, new Color(210, 40, 40));
        }
        if (!bottom.isEmpty()) {
            add(chart, "ranking Bottom-3", sizes(bottom), f1(bottom), SeriesMarkers.TRIANGLE_DOWN, Color.BLACK);
        }
        List<SubsetScore> devices = new ArrayList<>(outcome.devices().values());
        add(chart, "device sets", sizes(devices), f1(devices), SeriesMarkers.SQUARE, new Color(30, 90, 200));
        for (Map.Entry<DeviceSet, SubsetScore> e : outcome.devices().entrySet()) {
            label(chart, e.getKey().shortName(), e.getValue().size(), e.getValue().f1(), -0.022);
        }
        return Figure.of(chart);
    }

    private static void add(XYChart chart, String name, double[] x, double[] y, Marker marker, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(marker).setMarkerColor(color);
    }

    private static void label(XYChart chart, String text, double x, double y, double offset) {
        chart.addAnnotation(new AnnotationText(text, x, y + offset, false));
    }

    private static double[] sizes(List<SubsetScore> scores) {
        return scores.stream().mapToDouble(SubsetScore::size).toArray();
    }

    private static double[] f1(List<SubsetScore> scores) {
        return scores.stream().mapToDouble(SubsetScore::f1).toArray();
    }
}
