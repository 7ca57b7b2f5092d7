package org.ecgleadlab.measure;

/**
 * Wave boundaries on the median beats of one exam (indices into the median beat, fractional where interpolated).
 *
 * <ul>
 *   <li><b>QRS onset / offset</b>: from the fiducial point (the steepest instant) outwards, the first place where the
 *   spatial velocity of the independent leads stays below {@value #QRS_SLOPE_FRACTION} of its peak and their
 *   spatial magnitude (baseline removed) below {@value #QRS_MAGNITUDE_FRACTION} of its peak for {@value #QUIET_MS}
 *   ms; the boundary is the quiet sample next to the QRS.</li>
 *   <li><b>Baseline</b>: per lead, the mean of the {@value #BASELINE_MS} ms before QRS onset (PR segment).</li>
 *   <li><b>T end</b>: tangent method: in the lead with the largest T wave, the tangent at the steepest point of the T
 *   wave's descending limb (between its peak and its return to baseline) meets the baseline there.</li>
 *   <li><b>P onset</b>: the P peak is the largest spatial magnitude (independent leads, baseline removed) between the
 *   previous beat's T end (or 400 ms before QRS onset) and 30 ms before QRS onset; a P wave counts when that peak
 *   stands {@value #MIN_P_MV} mV above the window's lowest magnitude before it. Its onset is where the spatial
 *   velocity (12.5 ms average), walking back from the P wave's steepest upstroke, falls to
 *   {@value #P_ONSET_SLOPE_FRACTION} of it within {@value #P_ONSET_REACH_MS} ms of the peak (for a Gaussian wave,
 *   where it is at 5 % of its peak; else no onset is measured); a level offset
 *   between the TP and PR segments does not move it.</li>
 * </ul>
 *
 * @param qrsOnset  QRS onset index
 * @param qrsOffset QRS offset index
 * @param baseline  PR-segment level per lead (mV)
 * @param tPeak     T peak index (NaN when no T wave)
 * @param tEnd      T end index (NaN when no T wave)
 * @param pPeak     P peak index (NaN when no P wave)
 * @param pOnset    P onset index (NaN when no P wave)
 */
record WaveBoundaries(int qrsOnset, int qrsOffset, double[] baseline, double tPeak, double tEnd, double pPeak,
                      double pOnset) {
    static final double QRS_SLOPE_FRACTION = 0.1;
    static final double QRS_MAGNITUDE_FRACTION = 0.2;
    static final int QUIET_MS = 12;
    static final int BASELINE_MS = 16;
    static final double MIN_P_MV = 0.05;
    static final double MIN_T_MV = 0.05;
    static final double P_ONSET_SLOPE_FRACTION = 0.2;
    static final int P_ONSET_REACH_MS = 110;

    /**
     * Finds the boundaries in {@code beats} (12 leads × window, NaN-free), whose QRS fiducial is at {@code fiducial}.
     * {@code spatialLeads} are the channels whose spatial velocity and magnitude count (independent, non-flat leads);
     * {@code rr} the median RR interval in samples (NaN when unknown).
     */
    static WaveBoundaries find(double[][] beats, int[] spatialLeads, int fiducial, double rr, double rate) {
        int n = beats[0].length;
        double[] velocity = new double[n];
        for (int t = 1; t < n - 1; t++) {
            double s = 0;
            for (int l : spatialLeads) {
                double d = (beats[l][t + 1] - beats[l][t - 1]) / 2;
                s += d * d;
            }
            velocity[t] = Math.sqrt(s);
        }
        int near = ms(40, rate);
        double peak = 0;
        for (int t = Math.max(1, fiducial - near); t <= Math.min(n - 2, fiducial + near); t++) {
            peak = Math.max(peak, velocity[t]);
        }
        // first pass on the slope alone, for the PR-segment level; second pass on slope or magnitude, which keeps the
        // top of a broad, slurred wave (an R' or a notched LBBB R) inside the QRS
        double quiet = QRS_SLOPE_FRACTION * peak;
        int run = ms(QUIET_MS, rate);
        int lowest = Math.max(1, fiducial - ms(140, rate));
        int highest = Math.min(n - 2, fiducial + ms(200, rate));
        boolean[] active = new boolean[n];
        for (int t = 0; t < n; t++) {
            active[t] = velocity[t] >= quiet;
        }
        double[] baseline = baseline(beats, walk(active, run, fiducial, lowest, -1), rate);
        double[] magnitude = magnitude(beats, baseline, spatialLeads);
        double largest = 0;
        for (int t = Math.max(0, fiducial - ms(100, rate)); t <= Math.min(n - 1, fiducial + ms(120, rate)); t++) {
            largest = Math.max(largest, magnitude[t]);
        }
        for (int t = 0; t < n; t++) {
            active[t] |= magnitude[t] >= QRS_MAGNITUDE_FRACTION * largest;
        }
        int onset = walk(active, run, fiducial, lowest, -1);
        int offset = walk(active, run, fiducial, highest, +1);
        baseline = baseline(beats, onset, rate);

        double tLimit = n - 2;
        if (!Double.isNaN(rr)) {
            tLimit = Math.min(tLimit, onset + rr - ms(100, rate));
        }
        double[] t = tWave(beats, baseline, offset + ms(40, rate), (int) tLimit);
        double pFrom = onset - ms(400, rate);
        if (!Double.isNaN(rr) && !Double.isNaN(t[1])) {
            pFrom = Math.max(pFrom, t[1] - rr + ms(20, rate));
        }
        double[] p = pWave(beats, baseline, spatialLeads, (int) Math.max(0, Math.ceil(pFrom)),
                onset - ms(30, rate), rate);
        return new WaveBoundaries(onset, offset, baseline, t[0], t[1], p[0], p[1]);
    }

    /**
     * From {@code start} towards {@code limit} (step ±1), the first sample of the first run of {@code run} inactive
     * samples; {@code limit} when there is none.
     */
    private static int walk(boolean[] active, int run, int start, int limit, int step) {
        int count = 0;
        for (int t = start; step < 0 ? t >= limit : t <= limit; t += step) {
            count = active[t] ? 0 : count + 1;
            if (count == run) {
                return t - step * (run - 1);
            }
        }
        return limit;
    }

    /** Per lead, the mean of the {@value #BASELINE_MS} ms before {@code onset}. */
    private static double[] baseline(double[][] beats, int onset, double rate) {
        double[] baseline = new double[beats.length];
        int from = Math.max(0, onset - ms(BASELINE_MS, rate));
        int to = Math.max(from + 1, onset);
        for (int l = 0; l < beats.length; l++) {
            double sum = 0;
            for (int t = from; t < to; t++) {
                sum += beats[l][t];
            }
            baseline[l] = sum / (to - from);
        }
        return baseline;
    }

    /** Spatial magnitude of {@code leads} relative to their baselines, per sample. */
    private static double[] magnitude(double[][] beats, double[] baseline, int[] leads) {
        double[] out = new double[beats[0].length];
        for (int t = 0; t < out.length; t++) {
            double s = 0;
            for (int l : leads) {
                double d = beats[l][t] - baseline[l];
                s += d * d;
            }
            out[t] = Math.sqrt(s);
        }
        return out;
    }

    /** {T peak, T end} by the tangent method in the lead with the largest T wave in [from, to]; NaN when flat. */
    private static double[] tWave(double[][] beats, double[] baseline, int from, int to) {
        int bestLead = -1;
        int peak = -1;
        double size = 0;
        for (int l = 0; l < beats.length; l++) {
            for (int t = from; t <= to; t++) {
                double v = Math.abs(beats[l][t] - baseline[l]);
                if (v > size) {
                    size = v;
                    bestLead = l;
                    peak = t;
                }
            }
        }
        if (bestLead < 0 || size < MIN_T_MV) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] lead = beats[bestLead];
        double sign = Math.signum(lead[peak] - baseline[bestLead]);
        int steepest = -1;
        double steepestSlope = 0;
        for (int t = peak + 1; t < to && sign * (lead[t] - baseline[bestLead]) > 0; t++) {
            double slope = sign * (lead[t + 1] - lead[t - 1]) / 2;
            if (slope < steepestSlope) {
                steepestSlope = slope;
                steepest = t;
            }
        }
        if (steepest < 0) {
            return new double[] {peak, Double.NaN};
        }
        double height = sign * (lead[steepest] - baseline[bestLead]);
        double end = steepest + height / -steepestSlope;
        return new double[] {peak, Math.min(end, to)};
    }

    /** {P peak, P onset} from the spatial magnitude in [from, to]; NaN when no P wave stands out. */
    private static double[] pWave(double[][] beats, double[] baseline, int[] leads, int from, int to, double rate) {
        if (to - from < ms(40, rate)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] magnitude = new double[to + 1];
        int peak = -1;
        for (int t = from; t <= to; t++) {
            double s = 0;
            for (int l : leads) {
                double d = beats[l][t] - baseline[l];
                s += d * d;
            }
            magnitude[t] = Math.sqrt(s);
            if (peak < 0 || magnitude[t] > magnitude[peak]) {
                peak = t;
            }
        }
        double trough = magnitude[peak];
        for (int t = from; t < peak; t++) {
            trough = Math.min(trough, magnitude[t]);
        }
        if (magnitude[peak] - trough < MIN_P_MV || peak - from < ms(10, rate)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        // the onset by the slope, which an offset between the TP and PR levels does not move
        double[] velocity = new double[to + 1];
        for (int t = Math.max(1, from); t <= to; t++) {
            double s = 0;
            for (int l : leads) {
                double d = (beats[l][t + 1] - beats[l][t - 1]) / 2;
                s += d * d;
            }
            velocity[t] = Math.sqrt(s);
        }
        velocity = QrsDetector.movingAverage(velocity, ms(12.5, rate));
        int steepest = peak;
        for (int t = Math.max(from, peak - ms(120, rate)); t < peak; t++) {
            steepest = velocity[t] > velocity[steepest] ? t : steepest;
        }
        double level = P_ONSET_SLOPE_FRACTION * velocity[steepest];
        for (int t = steepest - 1; t >= Math.max(from, peak - ms(P_ONSET_REACH_MS, rate)); t--) {
            if (velocity[t] <= level) {
                double frac = (level - velocity[t]) / (velocity[t + 1] - velocity[t]);
                return new double[] {peak, t + frac};
            }
        }
        return new double[] {peak, Double.NaN}; // no clear start: the previous T wave or noise hides it
    }

    static int ms(double milliseconds, double rate) {
        return (int) Math.round(milliseconds * rate / 1000);
    }
}
