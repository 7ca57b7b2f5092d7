package org.ecgleadlab.data.synthetic;

import org.ecgleadlab.data.Lead;

/**
 * The standard 12-lead system seen by a dipole. Lead I and II are the frontal-plane projections at 0° and
 * +60°; III, aVR, aVL and aVF are computed from I and II with Einthoven's and Goldberger's identities after
 * the electrode noise is added, so III = II − I and the augmented leads hold to float precision, as they do
 * on real 12-lead machines (which also derive them). Precordial leads project the dipole on horizontal-plane
 * directions from V1 (right of the sternum, right-anterior) round to V6 (mid-axillary, lateral), with larger
 * gains for the electrodes nearest the heart, and are referred to Wilson's central terminal.
 */
final class LeadSystem {
    /** Electrode order of the noise arrays: the three limb electrodes then V1–V6. */
    static final int RA = 0;
    static final int LA = 1;
    static final int LL = 2;
    static final int ELECTRODES = 9;

    private static final Vec3 LEAD_I = Vec3.frontal(0, 0);
    private static final Vec3 LEAD_II = Vec3.frontal(60, 0);
    /*
     * Precordial lead vectors: horizontal angle (0° = left, 90° = anterior), gain, and a small inferior
     * component, chosen near Dower's published inverse-Frank transform so that the R/S transition of a
     * normal heart falls at V3–V4 and the electrodes nearest the heart (V2–V4) record the largest complexes.
     */
    private static final double[] PRECORDIAL_DEG = {115, 90, 62, 35, 10, -10};
    private static final double[] PRECORDIAL_GAIN = {1.2, 2.1, 3.4, 3.0, 1.95, 1.3};
    private static final double[] PRECORDIAL_INFERIOR = {0.15, 0.16, 0.10, 0.12, 0.12, 0.08};
    private static final Vec3[] PRECORDIAL = new Vec3[6];

    static {
        for (int k = 0; k < 6; k++) {
            Vec3 horizontal = Vec3.horizontal(PRECORDIAL_DEG[k]).times(PRECORDIAL_GAIN[k]);
            PRECORDIAL[k] = horizontal.plus(new Vec3(0, PRECORDIAL_INFERIOR[k], 0));
        }
    }

    private LeadSystem() {
    }

    /** The lead vector of a directly projected lead (I, II or V1–V6). */
    static Vec3 leadVector(Lead lead) {
        return switch (lead) {
            case I -> LEAD_I;
            case II -> LEAD_II;
            case V1, V2, V3, V4, V5, V6 -> PRECORDIAL[lead.channel() - Lead.V1.channel()];
            default -> throw new IllegalArgumentException(lead + " is derived from I and II, not projected");
        };
    }

    /**
     * Writes the 12 leads of samples {@code 0..n-1} into rows {@code offset..offset+n-1} of {@code out}
     * ((4096, 12), time-major). {@code noise} holds one array per electrode (null for a clean recording);
     * {@code flatPrecordial} ≥ 0 names a precordial lead whose electrode is off (it records faint noise only).
     * {@code lowPassHz} > 0 runs the recorded leads through the electrocardiograph's low-pass filter before the
     * limb leads are derived, as a real machine does.
     */
    static void project(double[] dx, double[] dy, double[] dz, double[][] noise, int flatPrecordial,
                        double lowPassHz, int rate, float[][] out, int offset, int n) {
        project(dx, dy, dz, noise, flatPrecordial, lowPassHz, null, rate, out, offset, n);
    }

    /**
     * The same with {@code recordedGains}, one amplifier gain per recorded lead (I, II, V1–V6), or null for none:
     * lead gains differ between machines, electrode placements and bodies. The gains act before the limb leads
     * are derived, so III and the augmented leads keep Einthoven's and Goldberger's identities.
     */
    static void project(double[] dx, double[] dy, double[] dz, double[][] noise, int flatPrecordial,
                        double lowPassHz, double[] recordedGains, int rate, float[][] out, int offset, int n) {
        // the recorded leads: I, II and V1–V6 (columns 0..7); the other four are derived after filtering
        double[][] recorded = new double[8][n];
        for (int t = 0; t < n; t++) {
            double x = dx[t];
            double y = dy[t];
            double z = dz[t];
            double ra = noise == null ? 0 : noise[RA][t];
            double la = noise == null ? 0 : noise[LA][t];
            double ll = noise == null ? 0 : noise[LL][t];
            recorded[0][t] = LEAD_I.x() * x + LEAD_I.y() * y + LEAD_I.z() * z + la - ra;
            recorded[1][t] = LEAD_II.x() * x + LEAD_II.y() * y + LEAD_II.z() * z + ll - ra;
            double wilson = (ra + la + ll) / 3;
            for (int k = 0; k < 6; k++) {
                double electrode = noise == null ? 0 : noise[3 + k][t];
                Vec3 v = PRECORDIAL[k];
                // an electrode that is off records neither heart nor Wilson terminal: a flat, faintly noisy line
                recorded[2 + k][t] = k == flatPrecordial
                        ? electrode
                        : v.x() * x + v.y() * y + v.z() * z + electrode - wilson;
            }
        }
        if (recordedGains != null) {
            for (int lead = 0; lead < recorded.length; lead++) {
                for (int t = 0; t < n; t++) {
                    recorded[lead][t] *= recordedGains[lead];
                }
            }
        }
        if (lowPassHz > 0) {
            for (double[] lead : recorded) {
                AcquisitionFilter.lowPass(lead, lowPassHz, rate);
            }
        }
        for (int t = 0; t < n; t++) {
            float i = (float) recorded[0][t];
            float ii = (float) recorded[1][t];
            float[] row = out[offset + t];
            row[0] = i;
            row[1] = ii;
            row[2] = ii - i;                       // III = II − I (Einthoven)
            row[3] = -(i + ii) * 0.5f;             // aVR = −(I + II)/2 (Goldberger)
            row[4] = (i - row[2]) * 0.5f;          // aVL = (I − III)/2
            row[5] = (ii + row[2]) * 0.5f;         // aVF = (II + III)/2
            for (int k = 0; k < 6; k++) {
                row[6 + k] = (float) recorded[2 + k][t];
            }
        }
    }
}
