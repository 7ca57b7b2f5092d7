package org.ecgleadlab.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ecgleadlab.data.Lead;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * One lead ranking as bars: the 12 leads sorted by score, the first {@code top} in a strong colour, the rest grey. Its
 * default size matches an {@link EcgPlot}'s height, so {@link Images#beside} can put an exam's ECG and its ranking
 * side by side.
 */
public final class LeadBars {
    /** Height of an {@link EcgPlot}, so the two line up. */
    private static final int HEIGHT = 448;
    private static final int WIDTH = 560;
    private static final Color TOP = new Color(20, 60, 180);
    private static final Color OTHER = new Color(175, 175, 175);

    private LeadBars() {
    }

    /**
     * Bars of {@code scoreByLead} (indexed by {@link Lead#channel()}), highest first, ties in CODE lead order; the
     * {@code top} highest are highlighted and named in the legend ("Top-3").
     */
    public static CategoryChart ranked(String title, String yTitle, double[] scoreByLead, int top) {
        if (scoreByLead.length != Lead.COUNT) {
            throw new IllegalArgumentException("a lead ranking needs 12 scores, got " + scoreByLead.length);
        }
        if (top < 0 || top > Lead.COUNT) {
            throw new IllegalArgumentException("top must be 0..12, got " + top);
        }
        for (double score : scoreByLead) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("lead scores must be finite: " + Arrays.toString(scoreByLead));
            }
        }
        List<Lead> order = Arrays.stream(Lead.values())
                .sorted(Comparator.comparingDouble((Lead l) -> -scoreByLead[l.channel()]))
                .toList();
        List<String> labels = order.stream().map(Lead::label).toList();
        List<Double> highlighted = new ArrayList<>();
        List<Double> others = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            double score = scoreByLead[order.get(i).channel()];
            highlighted.add(i < top ? score : 0.0);
            others.add(i < top ? 0.0 : score);
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("lead (ranked)").yAxisTitle(yTitle).build();
        Plots.styleAxes(chart.getStyler());
        chart.getStyler().setStacked(true).setAvailableSpaceFill(0.8).setOverlapped(false)
                .setLegendPosition(Styler.LegendPosition.InsideNE);
        CategorySeries first = chart.addSeries("Top-" + top, labels, highlighted);
        first.setFillColor(TOP);
        CategorySeries rest = chart.addSeries("other leads", labels, others);
        rest.setFillColor(OTHER);
        return chart;
    }
}
