package org.ecgleadlab.data.synthetic;

/**
 * One lobe of the cardiac dipole: a fixed direction scaled by a Gaussian bump in time, with separate widths
 * before and after its peak so T waves can rise slowly and fall fast.
 *
 * @param center      time of the peak, s, relative to the beat's QRS onset
 * @param sigmaBefore Gaussian width before the peak, s
 * @param sigmaAfter  Gaussian width after the peak, s
 * @param moment      direction times peak magnitude, mV
 */
record WaveLobe(double center, double sigmaBefore, double sigmaAfter, Vec3 moment) {

    /** Lobes are summed only within this many widths of their peak (exp(-8) ≈ 3e-4 of the peak). */
    static final double REACH = 4;

    /** A symmetric lobe. */
    static WaveLobe symmetric(double center, double sigma, Vec3 moment) {
        return new WaveLobe(center, sigma, sigma, moment);
    }

    /** The same lobe shifted in time and scaled in magnitude. */
    WaveLobe shifted(double dt, double gain) {
        return new WaveLobe(center + dt, sigmaBefore, sigmaAfter, moment.times(gain));
    }

    /** Adds this lobe, peaking at absolute time {@code center} s, to the dipole arrays sampled at {@code rate}. */
    void addTo(double[] dx, double[] dy, double[] dz, int rate) {
        int from = Math.max(0, (int) Math.floor((center - REACH * sigmaBefore) * rate));
        int to = Math.min(dx.length - 1, (int) Math.ceil((center + REACH * sigmaAfter) * rate));
        for (int i = from; i <= to; i++) {
            double u = (double) i / rate - center;
            double s = u < 0 ? sigmaBefore : sigmaAfter;
            double g = StrictMath.exp(-0.5 * u * u / (s * s));
            dx[i] += moment.x() * g;
            dy[i] += moment.y() * g;
            dz[i] += moment.z() * g;
        }
    }
}
