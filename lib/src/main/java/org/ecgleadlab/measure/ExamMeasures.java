package org.ecgleadlab.measure;

import java.util.Arrays;
import org.ecgleadlab.data.Lead;

/**
 * What {@link Delineator} measured on one exam: a value (or 12, one per lead) per {@link Measure}, NaN where it could
 * not be measured, and the fiducial points behind them (null for all-zero or too short exams).
 */
public final class ExamMeasures {
    private final double[][] values = new double[Measure.values().length][];
    private Fiducials fiducials;

    ExamMeasures() {
        for (Measure m : Measure.values()) {
            values[m.ordinal()] = new double[m.width()];
            Arrays.fill(values[m.ordinal()], Double.NaN);
        }
    }

    /** The value of a per-exam measure. */
    public double get(Measure measure) {
        if (measure.perLead()) {
            throw new IllegalArgumentException(measure + " has one value per lead; name the lead");
        }
        return values[measure.ordinal()][0];
    }

    /** The value of a per-lead measure in {@code lead}. */
    public double get(Measure measure, Lead lead) {
        if (!measure.perLead()) {
            throw new IllegalArgumentException(measure + " has one value per exam; do not name a lead");
        }
        return values[measure.ordinal()][lead.channel()];
    }

    /** A copy of the measure's values: 12 (lead order) for per-lead measures, else 1. */
    public double[] values(Measure measure) {
        return values[measure.ordinal()].clone();
    }

    /** The fiducial points and median beats, or null when the exam had none (all-zero, flat or too short). */
    public Fiducials fiducials() {
        return fiducials;
    }

    void set(Measure measure, double value) {
        values[measure.ordinal()][0] = value;
    }

    void set(Measure measure, Lead lead, double value) {
        values[measure.ordinal()][lead.channel()] = value;
    }

    void set(Measure measure, int channel, double value) {
        values[measure.ordinal()][channel] = value;
    }

    void setFiducials(Fiducials fiducials) {
        this.fiducials = fiducials;
    }

    /**
     * The fiducial points of one exam.
     *
     * @param rate        sampling rate, Hz
     * @param spanStart   first recorded row of the 4096-row tracing (the zero padding before it skipped)
     * @param spanLength  recorded rows
     * @param beats       QRS fiducial points (steepest instant), rows of the tracing
     * @param medianBeats median beat per lead (12 × window samples) of the 0.5–40 Hz signal, relative to the
     *                    PR-segment level; NaN-free
     * @param fiducial    index of the QRS fiducial point in the median beats
     * @param pOnset      P onset index in the median beats (NaN when no P wave)
     * @param qrsOnset    QRS onset index
     * @param qrsOffset   QRS offset index
     * @param tEnd        T end index (NaN when no T wave stands out)
     */
    public record Fiducials(double rate, int spanStart, int spanLength, int[] beats, double[][] medianBeats,
                            int fiducial, double pOnset, double qrsOnset, double qrsOffset, double tEnd) {
        /** Seconds from the fiducial point to index {@code index} of the median beats. */
        public double seconds(double index) {
            return (index - fiducial) / rate;
        }
    }
}
