package org.ecgleadlab.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
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

    float[] signal(Lead lead) {
        return millivolts[lead.channel()];
    }

    double samplingHz() {
        return samplingHz;
    }

    String title() {
        return title;
    }

    boolean isHighlighted(Lead lead) {
        return highlighted.contains(lead);
    }

    boolean isDimmed(Lead lead) {
        return dimmed.contains(lead);
    }

    Lead rhythmLead() {
        return rhythmLead;
    }

    public int width() {
        return EcgPaper.width();
    }

    public int height() {
        return EcgPaper.height();
    }

    /** Paints the ECG on {@code g}, whose origin is the plot's top-left corner. */
    public void paint(Graphics2D g) {
        new EcgPaper(this).paint(g);
    }

    /** The plot as an RGB image (show it in a notebook with {@code display(...)}). */
    public BufferedImage image() {
        return Images.render(width(), height(), this::paint);
    }

    /** Writes the plot as PNG, atomically; returns {@code file}. */
    public Path savePng(Path file) {
        return Images.savePng(image(), file);
    }
}
