package org.ecgleadlab.report;

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
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Lead;

/**
 * A 12-lead ECG drawn as a printed one: the standard 3 × 4 layout (I, II, III | aVR, aVL, aVF | V1–V3 | V4–V6,
 * 2.5 s per column, the four columns consecutive in time) plus a 10-s rhythm strip, on millimetre paper at
 * 25 mm/s and 10 mm/mV (minor grid 1 mm = 0.04 s / 0.1 mV, major grid 5 mm = 0.2 s / 0.5 mV), each row starting
 * with a 1-mV calibration pulse. Zero padding around a CODE recording is cut off, so a 7-s exam fills 7 s.
 *
 * <p>Immutable; the {@code with...} methods return a changed copy:
 * <pre>{@code
 * display(EcgPlot.ofTracing(reader.read(exam)).title("exam 17 · RBBB").highlight(List.of(Lead.V1)).image());
 * }</pre>
 */
public final class EcgPlot {
    /** Paper speed. */
    public static final double MM_PER_SECOND = 25;
    /** Gain. */
    public static final double MM_PER_MILLIVOLT = 10;
    /** Seconds shown by each of the four columns and the whole rhythm strip (4 × 2.5 s = 10 s). */
    public static final double COLUMN_SECONDS = 2.5;
    public static final double STRIP_SECONDS = 4 * COLUMN_SECONDS;

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

    static {
        Plots.useHeadlessAwt();
    }

    private final float[][] millivolts;
    private final double samplingHz;
    private final String title;
    private final Set<Lead> highlighted;
    private final Set<Lead> dimmed;
    private final Lead rhythmLead;

    private EcgPlot(float[][] millivolts, double samplingHz, String title, Set<Lead> highlighted, Set<Lead> dimmed,
                    Lead rhythmLead) {
        this.millivolts = millivolts;
        this.samplingHz = samplingHz;
        this.title = title;
        this.highlighted = highlighted;
        this.dimmed = dimmed;
        this.rhythmLead = rhythmLead;
    }

    /** A raw CODE tracing: time-major 4096 × 12 floats in mV at 400 Hz, as {@code TracingReader} returns it. */
    public static EcgPlot ofTracing(float[] raw) {
        if (raw.length != CodeFormat.TRACING_VALUES) {
            throw new IllegalArgumentException("raw tracing has " + raw.length + " values, expected "
                    + CodeFormat.TRACING_VALUES + " (4096 × 12, time-major)");
        }
        float[][] leads = new float[Lead.COUNT][CodeFormat.SAMPLES];
        for (int t = 0; t < CodeFormat.SAMPLES; t++) {
            for (int lead = 0; lead < Lead.COUNT; lead++) {
                leads[lead][t] = raw[t * Lead.COUNT + lead];
            }
        }
        return of(leads, CodeFormat.SAMPLING_HZ);
    }

    /** A 12-lead model input: channel-major 12 × 2560 floats in mV at 250 Hz (after {@code Preprocessing}). */
    public static EcgPlot ofModelInput(float[] input) {
        if (input.length != Lead.COUNT * CodeFormat.MODEL_SAMPLES) {
            throw new IllegalArgumentException("model input has " + input.length + " values, expected "
                    + Lead.COUNT * CodeFormat.MODEL_SAMPLES + " (12 × 2560, channel-major)");
        }
        float[][] leads = new float[Lead.COUNT][];
        for (int lead = 0; lead < Lead.COUNT; lead++) {
            leads[lead] = Arrays.copyOfRange(input, lead * CodeFormat.MODEL_SAMPLES,
                    (lead + 1) * CodeFormat.MODEL_SAMPLES);
        }
        return of(leads, CodeFormat.MODEL_HZ);
    }

    /**
     * Twelve leads {@code [lead][sample]} in {@link Lead} order, in mV at {@code samplingHz}. Leading and trailing
     * samples that are zero on every lead (CODE's zero padding) are cut off.
     */
    public static EcgPlot of(float[][] leads, double samplingHz) {
        if (leads.length != Lead.COUNT) {
            throw new IllegalArgumentException("an ECG plot needs 12 leads, got " + leads.length);
        }
        int samples = leads[0].length;
        for (float[] lead : leads) {
            if (lead.length != samples) {
                throw new IllegalArgumentException("all leads need the same number of samples (" + samples + ")");
            }
        }
        if (!(samplingHz > 0)) {
            throw new IllegalArgumentException("sampling rate must be positive, got " + samplingHz);
        }
        int first = 0;
        while (first < samples && silent(leads, first)) {
            first++;
        }
        int end = samples;
        while (end > first && silent(leads, end - 1)) {
            end--;
        }
        if (first == end) { // an all-zero exam: show its flat lines over the whole length
            first = 0;
            end = samples;
        }
        float[][] recorded = new float[Lead.COUNT][];
        for (int lead = 0; lead < Lead.COUNT; lead++) {
            recorded[lead] = Arrays.copyOfRange(leads[lead], first, end);
        }
        return new EcgPlot(recorded, samplingHz, null, Set.of(), Set.of(), Lead.II);
    }

    private static boolean silent(float[][] leads, int sample) {
        for (float[] lead : leads) {
            if (lead[sample] != 0f) {
                return false;
            }
        }
        return true;
    }

    /** The same plot under {@code title} (e.g. the exam id and its labels). */
    public EcgPlot title(String title) {
        return new EcgPlot(millivolts, samplingHz, title, highlighted, dimmed, rhythmLead);
    }

    /** The same plot with {@code leads} drawn in blue with a marked label (e.g. a ranking's top leads). */
    public EcgPlot highlight(Collection<Lead> leads) {
        return new EcgPlot(millivolts, samplingHz, title, copy(leads), dimmed, rhythmLead);
    }

    /** The same plot with {@code leads} greyed out (e.g. the leads a reduced-lead model does not see). */
    public EcgPlot dim(Collection<Lead> leads) {
        return new EcgPlot(millivolts, samplingHz, title, highlighted, copy(leads), rhythmLead);
    }

    /** The same plot with {@code lead} as the 10-s rhythm strip (lead II by default). */
    public EcgPlot rhythmStrip(Lead lead) {
        return new EcgPlot(millivolts, samplingHz, title, highlighted, dimmed, lead);
    }

    private static Set<Lead> copy(Collection<Lead> leads) {
        return leads.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(leads));
    }

    /** Seconds of signal after the zero padding was cut off. */
    public double recordedSeconds() {
        return millivolts[0].length / samplingHz;
    }

    public int width() {
        return px(2 * MARGIN_MM + CALIBRATION_MM + STRIP_SECONDS * MM_PER_SECOND);
    }

    public int height() {
        return px(HEADER_MM + ROWS * ROW_MM + MARGIN_MM);
    }

    /** Paints the ECG on {@code g}, whose origin is the plot's top-left corner. */
    public void paint(Graphics2D g) {
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
        paintTrace(g, rhythmLead, LAYOUT.length, 0, STRIP_SECONDS);
        g.setClip(savedClip);
        for (int row = 0; row < LAYOUT.length; row++) {
            for (int column = 0; column < LAYOUT[row].length; column++) {
                paintLabel(g, LAYOUT[row][column], row, column * COLUMN_SECONDS);
                if (column > 0) {
                    paintColumnMark(g, row, column * COLUMN_SECONDS);
                }
            }
        }
        paintLabel(g, rhythmLead, LAYOUT.length, 0);
    }

    /** The plot as an RGB image (show it in a notebook with {@code display(...)}). */
    public BufferedImage image() {
        return Images.render(width(), height(), this::paint);
    }

    /** Writes the plot as PNG, atomically; returns {@code file}. */
    public Path savePng(Path file) {
        return Images.savePng(image(), file);
    }

    private void paintHeader(Graphics2D g) {
        double baseline = HEADER_MM - 2.5;
        g.setColor(Color.BLACK);
        if (title != null && !title.isBlank()) {
            g.setFont(TITLE_FONT);
            g.drawString(title, px(MARGIN_MM), px(baseline));
        }
        String note = String.format(Locale.ROOT, "%.0f mm/s · %.0f mm/mV · %.0f Hz · %.1f s recorded",
                MM_PER_SECOND, MM_PER_MILLIVOLT, samplingHz, recordedSeconds());
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
        float[] signal = millivolts[lead.channel()];
        int first = (int) Math.ceil(fromSecond * samplingHz);
        int end = Math.min(signal.length, (int) Math.ceil((fromSecond + seconds) * samplingHz));
        if (end - first < 2) {
            return;
        }
        double x0 = signalLeftMm() + fromSecond * MM_PER_SECOND;
        double base = baselineMm(row);
        Path2D.Double path = new Path2D.Double();
        for (int i = first; i < end; i++) {
            double x = pxD(x0 + (i / samplingHz - fromSecond) * MM_PER_SECOND);
            double y = pxD(base - signal[i] * MM_PER_MILLIVOLT);
            if (i == first) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setColor(dimmed.contains(lead) ? DIMMED : highlighted.contains(lead) ? HIGHLIGHT : TRACE);
        g.setStroke(highlighted.contains(lead) ? new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : traceStroke());
        g.draw(path);
    }

    private void paintLabel(Graphics2D g, Lead lead, int row, double fromSecond) {
        g.setFont(LABEL_FONT);
        FontMetrics metrics = g.getFontMetrics();
        String text = dimmed.contains(lead) ? lead.label() + " (off)" : lead.label();
        int x = px(signalLeftMm() + fromSecond * MM_PER_SECOND + 1);
        int y = px(rowTopMm(row) + 1) + metrics.getAscent();
        if (highlighted.contains(lead)) {
            g.setColor(HIGHLIGHT_LABEL_BACKGROUND);
            g.fillRoundRect(x - 3, y - metrics.getAscent() - 1, metrics.stringWidth(text) + 6,
                    metrics.getAscent() + metrics.getDescent() + 2, 6, 6);
            g.setColor(HIGHLIGHT);
        } else {
            g.setColor(dimmed.contains(lead) ? DIMMED : Color.BLACK);
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
