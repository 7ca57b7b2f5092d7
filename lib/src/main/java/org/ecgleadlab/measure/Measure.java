package org.ecgleadlab.measure;

/**
 * What {@link Delineator} measures on one exam. Per-lead measures have a value for each of the 12 leads; the others
 * one value per exam. Amplitudes are taken on the median beat of the 0.5–40 Hz band-passed signal, relative to the
 * PR-segment level (the 16 ms before QRS onset); intervals on the median beats of the independent leads.
 */
public enum Measure {
    HEART_RATE("heart rate", "/min", false, "60 / median RR interval"),
    RR_VARIATION("RR variation", "CV", false, "SD / mean of the RR intervals (irregular rhythms, premature beats)"),
    PR("PR", "ms", false, "P onset to QRS onset (NaN when no P wave stands out, e.g. AF)"),
    QRS("QRS", "ms", false, "QRS onset to offset"),
    QT("QT", "ms", false, "QRS onset to T end (tangent method)"),
    QTC("QTc", "ms", false, "QT / sqrt(RR in s) (Bazett)"),
    AXIS("QRS axis", "deg", false, "frontal axis from the net QRS areas of I and aVF"),
    RS_TRANSITION("R/S transition", "lead", false, "first precordial lead (1 = V1 .. 6 = V6) with R >= |S| (a QS counts as S); 7 = none"),
    P_AMPLITUDE("P", "mV", true, "signed P-wave peak"),
    Q_AMPLITUDE("Q", "mV", true, "most negative value between QRS onset and R peak (<= 0)"),
    R_AMPLITUDE("R", "mV", true, "largest positive value within the QRS (>= 0)"),
    S_AMPLITUDE("S", "mV", true, "most negative value between R peak and QRS offset (<= 0)"),
    T_AMPLITUDE("T", "mV", true, "signed T-wave peak"),
    QRS_PEAK_TO_PEAK("QRS p2p", "mV", true, "largest minus smallest value within the QRS"),
    SPAN_PEAK_TO_PEAK("0.5-40 Hz p2p", "mV", true, "99.5th minus 0.5th percentile of the band-passed recording"),
    WANDER("wander <0.5 Hz", "mV", true, "RMS of the recording's < 0.5 Hz band"),
    HIGH_FREQUENCY_NOISE("noise >40 Hz", "uV", true, "RMS of the 40-100 Hz band outside QRS complexes"),
    SEVEN_SECOND("7-s exams", "share", false, "1 when the recording spans <= 3400 samples (7 s: 2800), else 0"),
    ALL_ZERO("all-zero exams", "share", false, "1 when every value of the tracing is 0, else 0");

    private final String label;
    private final String unit;
    private final boolean perLead;
    private final String definition;

    Measure(String label, String unit, boolean perLead, String definition) {
        this.label = label;
        this.unit = unit;
        this.perLead = perLead;
        this.definition = definition;
    }

    /** Short name for tables and plots. */
    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** Whether the measure has one value per lead. */
    public boolean perLead() {
        return perLead;
    }

    /** How it is measured, one line. */
    public String definition() {
        return definition;
    }

    /** Values per exam: 12 for per-lead measures, else 1. */
    public int width() {
        return perLead ? org.ecgleadlab.data.Lead.COUNT : 1;
    }
}
