package org.ecgleadlab.metrics;

/**
 * {@code numpy.sum} of a contiguous float64 array, bit for bit, so areas under curves equal scikit-learn's to the
 * last digit (a plain loop can differ in the last bits once there are more than 8 terms). NumPy adds blocks of
 * 8192 values (its reduction buffer) one after another into a running total that starts at 0.0, and sums each block
 * pairwise: fewer than 8 values in order; up to 128 values in 8 interleaved partial sums, combined as
 * {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))}, then the remainder in order; longer runs split in two halves (the
 * first a multiple of 8) summed recursively. See numpy/core/src/umath/loops_utils.h.src, {@code pairwise_sum}.
 */
final class NumpySum {
    private static final int BUFFER = 8192;
    private static final int BLOCK = 128;
    private static final int UNROLL = 8;

    private NumpySum() {
    }

    /** {@code numpy.sum(values)}. */
    static double sum(double[] values) {
        double total = 0.0;
        for (int start = 0; start < values.length; start += BUFFER) {
            total += pairwise(values, start, Math.min(BUFFER, values.length - start));
        }
        return total;
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < UNROLL) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += a[from + i];
            }
            return sum;
        }
        if (n <= BLOCK) {
            double[] r = new double[UNROLL];
            System.arraycopy(a, from, r, 0, UNROLL);
            int i = UNROLL;
            for (; i < n - (n % UNROLL); i += UNROLL) {
                for (int j = 0; j < UNROLL; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                sum += a[from + i];
            }
            return sum;
        }
        int half = n / 2;
        half -= half % UNROLL;
        return pairwise(a, from, half) + pairwise(a, from + half, n - half);
    }
}
