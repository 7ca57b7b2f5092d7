package org.ecgleadlab.measure;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Figure;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.None;

/**
 * Vectorcardiographic QRS loops: the median-beat QRS (onset to offset, from {@link Delineator}) of three orthogonal
 * leads X, Y, Z in Frank's orientation (X to the patient's left, Y to the feet, Z to the back). The leads are either
 * recorded Frank leads (e.g. PTB's vx, vy, vz) or derived from the 12-lead ECG by Kors' regression matrix (Kors et
 * al., Eur Heart J 1990;11:1083–92), which works the same for real and synthetic tracings.
 */
public final class VectorLoops {
    /** Kors' regression matrix: rows X, Y, Z; columns I, II, V1–V6. */
    static final double[][] KORS = {
        {0.38, -0.07, -0.13, 0.05, -0.01, 0.14, 0.06, 0.54},
        {-0.07, 0.93, 0.06, -0.02, -0.05, 0.06, -0.17, 0.13},
        {0.11, -0.23, -0.43, -0.06, -0.14, -0.20, -0.11, 0.31}};
    private static final int[] KORS_LEADS = {0, 1, 6, 7, 8, 9, 10, 11};

    /** One QRS loop (mV), from QRS onset to offset, relative to the level just before onset. */
    public record Loop(String name, double[] x, double[] y, double[] z) {
    }

    private VectorLoops() {
    }

    /** X, Y, Z derived from 12 lead signals (channel order I … V6) by Kors' matrix. */
    public static double[][] kors(double[][] twelve) {
        int n = twelve[0].length;
        double[][] xyz = new double[3][n];
        for (int axis = 0; axis < 3; axis++) {
            for (int k = 0; k < KORS_LEADS.length; k++) {
                double w = KORS[axis][k];
                double[] lead = twelve[KORS_LEADS[k]];
                for (int t = 0; t < n; t++) {
                    xyz[axis][t] += w * lead[t];
                }
            }
        }
        return xyz;
    }

    /** The QRS loop of a raw CODE tracing (time-major 4096 × 12, 400 Hz), X, Y, Z by Kors' matrix. */
    public static Loop fromCodeTracing(String name, float[] raw) {
        int[] span = Delineator.recordedSpan(raw);
        double[][] twelve = new double[Lead.COUNT][span[1]];
        for (int t = 0; t < span[1]; t++) {
            for (int l = 0; l < Lead.COUNT; l++) {
                twelve[l][t] = raw[(span[0] + t) * Lead.COUNT + l];
            }
        }
        return qrsLoop(name, twelve, kors(twelve), org.ecgleadlab.data.CodeFormat.SAMPLING_HZ);
    }

    /**
     * The QRS loop of {@code xyz} (3 signals), with beats and QRS boundaries found by delineating {@code twelve}
     * (the same recording's 12 leads, at {@code rate} Hz). Throws when no beats are found.
     */
    public static Loop qrsLoop(String name, double[][] twelve, double[][] xyz, double rate) {
        ExamMeasures m = new Delineator(rate).measure(twelve);
        ExamMeasures.Fiducials f = m.fiducials();
        if (f == null) {
            throw new IllegalArgumentException(name + ": no QRS complexes found, so no loop");
        }
        ZeroPhaseFilter band = ZeroPhaseFilter.bandPass(rate, 0.5, 40);
        double[][] filtered = new double[3][];
        for (int axis = 0; axis < 3; axis++) {
            filtered[axis] = band.apply(xyz[axis]);
        }
        int before = f.fiducial();
        int after = f.medianBeats()[0].length - 1 - before;
        double[][] median = MedianBeats.of(filtered, f.beats(), before, after);
        int onset = (int) f.qrsOnset();
        int offset = (int) f.qrsOffset();
        int from = Math.max(0, onset - WaveBoundaries.ms(WaveBoundaries.BASELINE_MS, rate));
        double[][] loop = new double[3][offset - onset + 1];
        for (int axis = 0; axis < 3; axis++) {
            double level = 0;
            for (int t = from; t < onset; t++) {
                level += median[axis][t] / Math.max(1, onset - from);
            }
            for (int t = onset; t <= offset; t++) {
                loop[axis][t - onset] = median[axis][t] - level;
            }
        }
        return new Loop(name, loop[0], loop[1], loop[2]);
    }

    /**
     * Frontal (X right-left, Y head-feet), horizontal (X, Z front-back) and sagittal (Z, Y) views of the loops in one
     * figure. Y and Z are drawn negated so that up is superior (frontal, sagittal) and anterior (horizontal).
     */
    public static Figure figure(String title, List<Loop> loops) {
        List<XYChart> panels = new ArrayList<>();
        panels.add(plane("Frontal (X, -Y: up = superior)", "X (mV, left +)", "-Y (mV)", loops, 0, 1));
        panels.add(plane("Horizontal (X, -Z: up = anterior)", "X (mV, left +)", "-Z (mV)", loops, 0, 2));
        panels.add(plane("Sagittal (Z, -Y: up = superior)", "Z (mV, posterior +)", "-Y (mV)", loops, 2, 1));
        return Figure.grid(title, 3, panels);
    }

    private static XYChart plane(String title, String xTitle, String yTitle, List<Loop> loops, int across, int up) {
        XYChart chart = ComparisonPlots.chart(title, xTitle, yTitle, 460, 460);
        for (Loop loop : loops) {
            double[][] axes = {loop.x(), loop.y(), loop.z()};
            double[] vertical = axes[up].clone();
            for (int t = 0; t < vertical.length; t++) {
                vertical[t] = -vertical[t];
            }
            XYSeries s = chart.addSeries(loop.name(), axes[across], vertical);
            s.setMarker(new None()).setLineStyle(new BasicStroke(2f));
        }
        return chart;
    }
}
