package org.ecgleadlab.measure;

import org.ecgleadlab.data.Lead;

/** Intervals, amplitudes, axis and R/S transition taken on baseline-corrected median beats. */
final class BeatMeasures {
    private static final int FIRST_PRECORDIAL = Lead.V1.channel();

    private BeatMeasures() {
    }

    static void take(double[][] median, boolean[] flat, WaveBoundaries w, double rr, double rate, ExamMeasures out) {
        double ms = 1000 / rate;
        int onset = w.qrsOnset();
        int offset = w.qrsOffset();
        out.set(Measure.QRS, (offset - onset) * ms);
        out.set(Measure.PR, (onset - w.pOnset()) * ms);
        double qt = (w.tEnd() - onset) * ms;
        out.set(Measure.QT, qt);
        out.set(Measure.QTC, qt / Math.sqrt(rr / rate));
        double[] r = new double[Lead.COUNT];
        double[] s = new double[Lead.COUNT];
        for (int l = 0; l < Lead.COUNT; l++) {
            if (flat[l]) {
                r[l] = Double.NaN;
                s[l] = Double.NaN;
                continue;
            }
            double[] beat = median[l];
            int rAt = onset;
            int minAt = onset;
            for (int t = onset; t <= offset; t++) {
                rAt = beat[t] > beat[rAt] ? t : rAt;
                minAt = beat[t] < beat[minAt] ? t : minAt;
            }
            r[l] = Math.max(0, beat[rAt]);
            double q = Math.min(0, min(beat, onset, rAt));
            double sWave = Math.min(0, min(beat, rAt, offset));
            s[l] = Math.min(q, sWave); // a QS complex counts as S for the R/S ratio
            out.set(Measure.R_AMPLITUDE, l, r[l]);
            out.set(Measure.S_AMPLITUDE, l, sWave);
            out.set(Measure.Q_AMPLITUDE, l, q);
            out.set(Measure.QRS_PEAK_TO_PEAK, l, beat[rAt] - beat[minAt]);
            if (!Double.isNaN(w.tEnd())) {
                out.set(Measure.T_AMPLITUDE, l, extreme(beat, offset + WaveBoundaries.ms(40, rate), w.tEnd()));
            }
            if (!Double.isNaN(w.pOnset())) {
                out.set(Measure.P_AMPLITUDE, l, extreme(beat, w.pOnset(), onset - WaveBoundaries.ms(16, rate)));
            }
        }
        double areaI = area(median[Lead.I.channel()], onset, offset);
        double areaAvf = area(median[Lead.AVF.channel()], onset, offset);
        if (!flat[Lead.I.channel()] && !flat[Lead.AVF.channel()]) {
            // Einthoven: I = E cos(θ), aVF = (√3/2) E sin(θ)
            out.set(Measure.AXIS, Math.toDegrees(Math.atan2(areaAvf * 2 / Math.sqrt(3), areaI)));
        }
        double transition = 7;
        for (int k = 0; k < 6; k++) {
            int l = FIRST_PRECORDIAL + k;
            if (flat[l]) {
                transition = Double.NaN;
                break;
            }
            if (r[l] >= -s[l]) {
                transition = k + 1;
                break;
            }
        }
        out.set(Measure.RS_TRANSITION, transition);
    }

    private static double min(double[] x, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int t = from; t <= to; t++) {
            m = Math.min(m, x[t]);
        }
        return m;
    }

    /** The value of largest magnitude (signed) in [from, to]. */
    private static double extreme(double[] x, double from, double to) {
        int a = (int) Math.ceil(from);
        int b = (int) Math.floor(Math.min(to, x.length - 1));
        double best = Double.NaN;
        for (int t = a; t <= b; t++) {
            if (Double.isNaN(best) || Math.abs(x[t]) > Math.abs(best)) {
                best = x[t];
            }
        }
        return best;
    }

    private static double area(double[] x, int from, int to) {
        double sum = 0;
        for (int t = from; t <= to; t++) {
            sum += x[t];
        }
        return sum;
    }
}
