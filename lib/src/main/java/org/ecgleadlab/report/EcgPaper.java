package org.ecgleadlab.report;

import static org.ecgleadlab.report.EcgPlot.COLUMN_SECONDS;
import static org.ecgleadlab.report.EcgPlot.MM_PER_MILLIVOLT;
import static org.ecgleadlab.report.EcgPlot.MM_PER_SECOND;
import static org.ecgleadlab.report.EcgPlot.STRIP_SECONDS;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.Locale;
import org.ecgleadlab.data.Lead;

/**
 * The drawing of an {@link EcgPlot}: the page's geometry in millimetres (converted to pixels only when drawn), the
 * pink grid, calibration pulses, traces, lead labels and column marks, in the standard 3 × 4 layout plus the rhythm
 * strip. {@link EcgPlot} chooses what to show; this class knows how printed ECG paper looks.
 */
final class EcgPaper {
    /** Rows of the standard layout; column c of every row shows the same 2.5 s. */
    private static final Lead[][] LAYOUT = {
        {Lead.I, Lead.AVR, Lead.V1, Lead.V4},
        {Lead.II, Lead.AVL, Lead.V2, Lead.V5},
        {Lead.III, Lead.AVF, Lead.V3, Lead.V6}};

    private static final int PX_PER_MM = 4;
    private static final double MARGIN_MM = 3;
    private static final double CALIBRATION_MM = 10;
    private static final double HEADER_MM = 9;
    private static final double ROW_MM = 25;
    /** Baseline below the row's top: more room above, where most QRS complexes point. */
    private static final double BASELINE_MM = 14;
    private static final int ROWS = LAYOUT.length + 1;

    private static final Color MINOR_GRID = new Color(252, 213, 213);
    private static final Color MAJOR_GRID = new Color(240, 150, 150);
    private static final Color TRACE = Color.BLACK;
    private static final Color HIGHLIGHT = new Color(20, 60, 180);
    private static final Color HIGHLIGHT_LABEL_BACKGROUND = new Color(215, 228, 255);
    private static final Color DIMMED = new Color(175, 175, 175);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private final EcgPlot plot;

    EcgPaper(EcgPlot plot) {
        this.plot = plot;
    }

    static int width() {
        return px(2 * MARGIN_MM + CALIBRATION_MM + STRIP_SECONDS * MM_PER_SECOND);
    }

    static int height() {
        return px(HEADER_MM + ROWS * ROW_MM + MARGIN_MM);
    }

    /** Paints the ECG on {@code g}, whose origin is the page's top-left corner. */
    void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        paintHeader(g);
        paintGrid(g);
        Shape savedClip = g.getClip();
        g.clip(gridArea());
        for (int row = 0; row < ROWS; row++) {
            paintCalibration(g, row);
        }
        for (int row = 0; row < LAYOUT.length; row++) {
            for (int column = 0; column < LAYOUT[row].length; column++) {
                paintTrace(g, LAYOUT[row][column], row, column * COLUMN_SECONDS, COLUMN_SECONDS);
            }
        }
        paintTrace(g, plot.rhythmLead(), LAYOUT.length, 0, STRIP_SECONDS);
        g.setClip(savedClip);
        for (int row = 0; row < LAYOUT.length; row++) {
            for (int column = 0; column < LAYOUT[row].length; column++) {
                paintLabel(g, LAYOUT[row][column], row, column * COLUMN_SECONDS);
                if (column > 0) {
                    paintColumnMark(g, row, column * COLUMN_SECONDS);
                }
            }
        }
        paintLabel(g, plot.rhythmLead(), LAYOUT.length, 0);
    }

    private void paintHeader(Graphics2D g) {
        double baseline = HEADER_MM - 2.5;
        g.setColor(Color.BLACK);
        if (plot.title() != null && !plot.title().isBlank()) {
            g.setFont(TITLE_FONT);
            g.drawString(plot.title(), px(MARGIN_MM), px(baseline));
        }
        String note = String.format(Locale.ROOT, "%.0f mm/s · %.0f mm/mV · %.0f Hz · %.1f s recorded",
                MM_PER_SECOND, MM_PER_MILLIVOLT, plot.samplingHz(), plot.recordedSeconds());
        g.setFont(NOTE_FONT);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(note, width() - px(MARGIN_MM) - metrics.stringWidth(note), px(baseline));
    }

    private Rectangle gridArea() {
        int left = px(MARGIN_MM);
        int top = px(HEADER_MM);
        return new Rectangle(left, top, px(MARGIN_MM + CALIBRATION_MM + STRIP_SECONDS * MM_PER_SECOND) - left,
                px(HEADER_MM + ROWS * ROW_MM) - top);
    }

    private void paintGrid(Graphics2D g) {
        Rectangle area = gridArea();
        int columnsMm = (int) Math.round(area.width / (double) PX_PER_MM);
        int rowsMm = (int) Math.round(area.height / (double) PX_PER_MM);
        g.setStroke(new BasicStroke(1f));
        for (boolean major : new boolean[] {false, true}) {
            g.setColor(major ? MAJOR_GRID : MINOR_GRID);
            for (int mm = 0; mm <= columnsMm; mm++) {
                if ((mm % 5 == 0) == major) {
                    int x = area.x + mm * PX_PER_MM;
                    g.drawLine(x, area.y, x, area.y + area.height);
                }
            }
            for (int mm = 0; mm <= rowsMm; mm++) {
                if ((mm % 5 == 0) == major) {
                    int y = area.y + mm * PX_PER_MM;
                    g.drawLine(area.x, y, area.x + area.width, y);
                }
            }
        }
    }

    /** The standard 1-mV, 0.2-s rectangular pulse at the start of a row. */
    private void paintCalibration(Graphics2D g, int row) {
        double x0 = MARGIN_MM + 2;
        double width = 0.2 * MM_PER_SECOND;
        double base = baselineMm(row);
        double top = base - MM_PER_MILLIVOLT;
        Path2D.Double pulse = new Path2D.Double();
        pulse.moveTo(pxD(x0 - 1.5), pxD(base));
        pulse.lineTo(pxD(x0), pxD(base));
        pulse.lineTo(pxD(x0), pxD(top));
        pulse.lineTo(pxD(x0 + width), pxD(top));
        pulse.lineTo(pxD(x0 + width), pxD(base));
        pulse.lineTo(pxD(x0 + width + 1.5), pxD(base));
        g.setColor(TRACE);
        g.setStroke(traceStroke());
        g.draw(pulse);
    }

    /** Draws {@code seconds} of {@code lead} starting at {@code fromSecond} of the recording, in its row and column. */
    private void paintTrace(Graphics2D g, Lead lead, int row, double fromSecond, double seconds) {
        float[] signal = plot.signal(lead);
        int first = (int) Math.ceil(fromSecond * plot.samplingHz());
        int end = Math.min(signal.length, (int) Math.ceil((fromSecond + seconds) * plot.samplingHz()));
        if (end - first < 2) {
            return;
        }
        double x0 = signalLeftMm() + fromSecond * MM_PER_SECOND;
        double base = baselineMm(row);
        Path2D.Double path = new Path2D.Double();
        for (int i = first; i < end; i++) {
            double x = pxD(x0 + (i / plot.samplingHz() - fromSecond) * MM_PER_SECOND);
            double y = pxD(base - signal[i] * MM_PER_MILLIVOLT);
            if (i == first) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setColor(plot.isDimmed(lead) ? DIMMED : plot.isHighlighted(lead) ? HIGHLIGHT : TRACE);
        g.setStroke(plot.isHighlighted(lead) ? new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : traceStroke());
        g.draw(path);
    }

    private void paintLabel(Graphics2D g, Lead lead, int row, double fromSecond) {
        g.setFont(LABEL_FONT);
        FontMetrics metrics = g.getFontMetrics();
        String text = plot.isDimmed(lead) ? lead.label() + " (off)" : lead.label();
        int x = px(signalLeftMm() + fromSecond * MM_PER_SECOND + 1);
        int y = px(rowTopMm(row) + 1) + metrics.getAscent();
        if (plot.isHighlighted(lead)) {
            g.setColor(HIGHLIGHT_LABEL_BACKGROUND);
            g.fillRoundRect(x - 3, y - metrics.getAscent() - 1, metrics.stringWidth(text) + 6,
                    metrics.getAscent() + metrics.getDescent() + 2, 6, 6);
            g.setColor(HIGHLIGHT);
        } else {
            g.setColor(plot.isDimmed(lead) ? DIMMED : Color.BLACK);
        }
        g.drawString(text, x, y);
    }

    /** The short vertical bar printed ECGs put where one column's leads end and the next column's begin. */
    private void paintColumnMark(Graphics2D g, int row, double atSecond) {
        double x = pxD(signalLeftMm() + atSecond * MM_PER_SECOND);
        double base = baselineMm(row);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(x, pxD(base - 3), x, pxD(base + 3)));
    }

    private static BasicStroke traceStroke() {
        return new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static double signalLeftMm() {
        return MARGIN_MM + CALIBRATION_MM;
    }

    private static double rowTopMm(int row) {
        return HEADER_MM + row * ROW_MM;
    }

    private static double baselineMm(int row) {
        return rowTopMm(row) + BASELINE_MM;
    }

    private static int px(double mm) {
        return (int) Math.round(mm * PX_PER_MM);
    }

    private static double pxD(double mm) {
        return mm * PX_PER_MM;
    }
}
