package org.ecgleadlab.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.util.AtomicFiles;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A finished picture: one XChart chart, or several charts laid out as panels of one figure (like the paper's
 * Figure 2, one heatmap per method) under an optional title. Renders to a {@link BufferedImage} (notebooks) and
 * saves PNG and SVG atomically.
 */
public final class Figure {
    private static final int TITLE_HEIGHT = 44;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);

    static {
        Plots.useHeadlessAwt();
    }

    private final String title;
    private final int columns;
    private final List<Chart<?, ?>> panels;
    private final int panelWidth;
    private final int panelHeight;

    private Figure(String title, int columns, List<? extends Chart<?, ?>> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one chart");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        this.title = title == null || title.isBlank() ? null : title;
        this.columns = Math.min(columns, panels.size());
        this.panels = List.copyOf(panels);
        this.panelWidth = this.panels.stream().mapToInt(Chart::getWidth).max().orElseThrow();
        this.panelHeight = this.panels.stream().mapToInt(Chart::getHeight).max().orElseThrow();
    }

    /** A figure of one chart, at the chart's size. */
    public static Figure of(Chart<?, ?> chart) {
        return new Figure(null, 1, List.of(chart));
    }

    /**
     * Panels laid out row by row, {@code columns} per row, each in a cell as large as the largest chart, under
     * {@code title} (nullable). The charts keep their own titles (e.g. "(A) Output perturbation").
     */
    public static Figure grid(String title, int columns, List<? extends Chart<?, ?>> panels) {
        return new Figure(title, columns, panels);
    }

    public int width() {
        return columns * panelWidth;
    }

    public int height() {
        int rows = (panels.size() + columns - 1) / columns;
        return rows * panelHeight + (title == null ? 0 : TITLE_HEIGHT);
    }

    /** The charts in this figure, for further styling before rendering. */
    public List<Chart<?, ?>> charts() {
        return panels;
    }

    /** Paints the whole figure on {@code g}, whose origin is the figure's top-left corner. */
    public void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        int top = 0;
        if (title != null) {
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(title, (width() - metrics.stringWidth(title)) / 2, (TITLE_HEIGHT + metrics.getAscent()) / 2);
            top = TITLE_HEIGHT;
        }
        for (int i = 0; i < panels.size(); i++) {
            Chart<?, ?> chart = panels.get(i);
            int x = (i % columns) * panelWidth;
            int y = top + (i / columns) * panelHeight;
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            chart.paint(g, chart.getWidth(), chart.getHeight());
            g.setTransform(saved);
        }
    }

    /** The figure as an RGB image (show it in a notebook, or write it yourself). */
    public BufferedImage image() {
        return Images.render(width(), height(), this::paint);
    }

    /** Writes the figure as PNG, atomically; returns {@code file}. */
    public Path savePng(Path file) {
        return Images.savePng(image(), file);
    }

    /** Writes the figure as SVG (vector, for papers), atomically; returns {@code file}. */
    public Path saveSvg(Path file) {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g);
        g.dispose();
        PageSize page = new PageSize(0, 0, width(), height());
        AtomicFiles.write(file, out -> new SVGProcessor().getDocument(g.getCommands(), page).writeTo(out));
        return file;
    }

    /** Writes {@code base.png} and {@code base.svg} (pass the path without extension); returns both paths. */
    public List<Path> save(Path base) {
        String name = base.getFileName().toString();
        List<Path> written = new ArrayList<>();
        written.add(savePng(base.resolveSibling(name + ".png")));
        written.add(saveSvg(base.resolveSibling(name + ".svg")));
        return written;
    }
}
