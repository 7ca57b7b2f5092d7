package org.ecgleadlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.None;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The paper's figures as XChart charts: lead × condition heatmaps (Figure 2), per-lead and per-class bar charts
 * (Figure 3, per-class F1), and line charts (F1 vs number of leads, loss curves), all in one paper-like style.
 * Charts are returned so callers can restyle them; wrap them in a {@link Figure} to compose panels and save PNG/SVG.
 * AWT runs headless ({@code java.awt.headless=true}) so this works on servers and in CI.
 */
public final class Plots {
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font VALUE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** Sequential scale for non-negative scores (white → yellow → orange → red, like matplotlib's YlOrRd). */
    private static final Color[] SEQUENTIAL = {
        new Color(255, 255, 229), new Color(254, 227, 145), new Color(254, 153, 41),
        new Color(236, 112, 20), new Color(204, 76, 2)};
    /** Diverging scale for signed scores, symmetric around 0 (blue → white → red). */
    private static final Color[] DIVERGING = {
        new Color(33, 102, 172), new Color(146, 197, 222), new Color(247, 247, 247),
        new Color(244, 165, 130), new Color(178, 24, 43)};

    static {
        useHeadlessAwt();
    }

    private Plots() {
    }

    /** Makes AWT headless unless the caller already chose (must run before the first AWT class loads). */
    static void useHeadlessAwt() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * A heatmap of {@code values[row][column]}, first row on top, each cell annotated with its value. Non-negative data
     * use a white-to-red scale from 0 to the maximum; data with negative values use a blue-white-red scale symmetric
     * around 0, so the sign of a score is visible. A colour bar shows the scale.
     */
    public static HeatMapChart heatmap(String title, List<String> rowLabels, List<String> columnLabels,
                                       double[][] values) {
        return heatmap(title, rowLabels, columnLabels, values, 520, 640);
    }

    /** {@link #heatmap(String, List, List, double[][])} at {@code width} × {@code height} pixels (many rows or columns). */
    public static HeatMapChart heatmap(String title, List<String> rowLabels, List<String> columnLabels,
                                       double[][] values, int width, int height) {
        checkMatrix(values, rowLabels.size(), columnLabels.size());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<Number[]> cells = new ArrayList<>();
        int rows = rowLabels.size();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columnLabels.size(); c++) {
                double v = values[r][c];
                min = Math.min(min, v);
                max = Math.max(max, v);
                // XChart draws the first y category at the bottom; flip so row 0 is on top, as in a table.
                cells.add(new Number[] {c, rows - 1 - r, v});
            }
        }
        List<String> yLabels = new ArrayList<>(rowLabels);
        Collections.reverse(yLabels);

        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height).title(title).build();
        chart.addSeries(title, columnLabels, yLabels, cells);
        chart.getStyler()
                .setShowValue(true)
                .setValueFont(VALUE_FONT)
                .setValueFontColor(Color.BLACK)
                .setHeatMapValueDecimalPattern(valuePattern(Math.max(Math.abs(min), Math.abs(max))))
                .setDrawBorder(true)
                .setPiecewise(false)
                .setGradientColorColumnHeight(400)
                .setLegendPosition(Styler.LegendPosition.OutsideE);
        // XChart prints the colour bar's ends unformatted (Double.toString), so they are rounded to 2 digits here.
        if (min < 0) {
            double bound = roundUpTwoDigits(Math.max(-min, max));
            chart.getStyler().setRangeColors(DIVERGING).setMin(-bound).setMax(bound);
        } else {
            chart.getStyler().setRangeColors(SEQUENTIAL).setMin(0).setMax(max > 0 ? roundUpTwoDigits(max) : 1);
        }
        styleAxes(chart.getStyler());
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setPlotContentSize(1.0);
        return chart;
    }

    /** The paper's Figure 2 panel: 12 leads (rows, I … V6) × 6 conditions (columns, 1dAVb … ST). */
    public static HeatMapChart leadConditionHeatmap(String title, double[][] leadByCondition) {
        List<String> leads = Arrays.stream(Lead.values()).map(Lead::label).toList();
        List<String> conditions = Arrays.stream(Condition.values()).map(Condition::column).toList();
        return heatmap(title, leads, conditions, leadByCondition);
    }

    /**
     * Grouped vertical bars: one group per category (e.g. lead or condition), one bar per series (e.g. method or
     * model), in the map's iteration order (use a {@code LinkedHashMap}).
     */
    public static CategoryChart bars(String title, String xTitle, String yTitle, List<String> categories,
                                     Map<String, double[]> series) {
        return categoryChart(title, xTitle, yTitle, categories, series, null, false);
    }

    /** Stacked vertical bars: each category's bar is the sum of the series (e.g. per-method shares of a lead). */
    public static CategoryChart stackedBars(String title, String xTitle, String yTitle, List<String> categories,
                                            Map<String, double[]> series) {
        return categoryChart(title, xTitle, yTitle, categories, series, null, true);
    }

    /**
     * Grouped bars with symmetric error bars (±{@code errors}), e.g. a standard deviation, or the larger half-width of
     * a bootstrap interval. XChart draws only symmetric error bars; {@link #lines} draws asymmetric intervals.
     */
    public static CategoryChart barsWithErrors(String title, String xTitle, String yTitle, List<String> categories,
                                               Map<String, double[]> series, Map<String, double[]> errors) {
        if (!errors.keySet().equals(series.keySet())) {
            throw new IllegalArgumentException("errors must name the same series as values: " + errors.keySet()
                    + " vs " + series.keySet());
        }
        return categoryChart(title, xTitle, yTitle, categories, series, errors, false);
    }

    /** A line with markers; {@code lower}/{@code upper} (both or neither) draw an interval as dashed lines. */
    public record Line(String name, double[] x, double[] y, double[] lower, double[] upper) {
        public Line {
            if (x.length != y.length) {
                throw new IllegalArgumentException("line '" + name + "': " + x.length + " x values but "
                        + y.length + " y values");
            }
            if ((lower == null) != (upper == null)) {
                throw new IllegalArgumentException("line '" + name + "': give both interval bounds or neither");
            }
            if (lower != null && (lower.length != y.length || upper.length != y.length)) {
                throw new IllegalArgumentException("line '" + name + "': interval bounds need " + y.length
                        + " values each");
            }
        }

        /** A line without an interval. */
        public static Line of(String name, double[] x, double[] y) {
            return new Line(name, x, y, null, null);
        }

        /** The same line with an interval (e.g. a bootstrap 95 % CI) around each point. */
        public Line withInterval(double[] lower, double[] upper) {
            return new Line(name, x, y, lower, upper);
        }
    }

    /** Lines with markers (F1 vs number of leads per strategy; training and validation loss per epoch). */
    public static XYChart lines(String title, String xTitle, String yTitle, List<Line> lines) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        styleAxes(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Color[] palette = chart.getStyler().getSeriesColors();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            checkFinite(line.name(), line.y());
            Color color = palette[i % palette.length];
            XYSeries series = chart.addSeries(line.name(), line.x(), line.y());
            series.setMarkerColor(color);
            series.setMarker(SeriesMarkers.CIRCLE).setLineColor(color);
            if (line.lower() != null) {
                addBound(chart, line.name() + " (lower)", line.x(), line.lower(), color);
                addBound(chart, line.name() + " (upper)", line.x(), line.upper(), color);
            }
        }
        return chart;
    }

    private static void addBound(XYChart chart, String name, double[] x, double[] y, Color color) {
        checkFinite(name, y);
        XYSeries bound = chart.addSeries(name, x, y);
        bound.setMarker(new None()).setLineColor(color)
                .setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {5f, 4f}, 0f))
                .setShowInLegend(false);
    }

    private static CategoryChart categoryChart(String title, String xTitle, String yTitle, List<String> categories,
                                               Map<String, double[]> series, Map<String, double[]> errors,
                                               boolean stacked) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart '" + title + "' has no series");
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        styleAxes(chart.getStyler());
        chart.getStyler().setStacked(stacked).setAvailableSpaceFill(0.8)
                .setLegendPosition(Styler.LegendPosition.OutsideE)
                .setLegendVisible(series.size() > 1);
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            double[] values = entry.getValue();
            if (values.length != categories.size()) {
                throw new IllegalArgumentException("series '" + entry.getKey() + "' has " + values.length
                        + " values for " + categories.size() + " categories");
            }
            checkFinite(entry.getKey(), values);
            List<Double> ys = Arrays.stream(values).boxed().toList();
            CategorySeries added = errors == null
                    ? chart.addSeries(entry.getKey(), categories, ys)
                    : chart.addSeries(entry.getKey(), categories, ys,
                            Arrays.stream(errors.get(entry.getKey())).boxed().toList());
            added.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
        }
        return chart;
    }

    public static void styleAxes(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE)
                .setPlotBorderColor(Color.DARK_GRAY)
                .setChartTitleFont(TITLE_FONT)
                .setChartTitleBoxVisible(false)
                .setLegendFont(LEGEND_FONT)
                .setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setAxisTitleFont(AXIS_TITLE_FONT)
                .setAxisTickLabelsFont(TICK_FONT)
                .setYAxisDecimalPattern("0.0##")
                .setPlotGridLinesColor(new Color(225, 225, 225));
    }

    /** {@code value} > 0 rounded up to two significant digits (0.0075077 → 0.0076), so it prints short. */
    static double roundUpTwoDigits(double value) {
        return new BigDecimal(value).round(new MathContext(2, RoundingMode.UP)).doubleValue();
    }

    /** A DecimalFormat pattern with two significant digits of the largest magnitude, at least two decimals. */
    private static String valuePattern(double largest) {
        int decimals = 2;
        while (largest > 0 && largest * Math.pow(10, decimals) < 10 && decimals < 5) {
            decimals++;
        }
        return "0." + "0".repeat(decimals);
    }

    private static void checkMatrix(double[][] values, int rows, int columns) {
        if (values.length != rows) {
            throw new IllegalArgumentException("matrix has " + values.length + " rows for " + rows + " row labels");
        }
        for (double[] row : values) {
            if (row.length != columns) {
                throw new IllegalArgumentException("matrix row has " + row.length + " values for " + columns
                        + " column labels");
            }
            checkFinite("matrix", row);
        }
    }

    private static void checkFinite(String name, double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("'" + name + "' contains " + v + "; plots need finite values");
            }
        }
    }
}
