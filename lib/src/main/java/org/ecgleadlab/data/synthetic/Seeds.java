package org.ecgleadlab.data.synthetic;

import java.util.SplittableRandom;

/**
 * Independent random streams keyed by (seed, stream, index), so each exam and each patient draws the same
 * numbers whichever thread makes it and in whichever order.
 */
final class Seeds {
    /** Stream of patient traits of CODE-15%. */
    static final long PATIENTS = 1;
    /** Stream of CODE-15% exams. */
    static final long CODE15_EXAMS = 2;
    /** Stream of the CODE-TEST-format folder. */
    static final long CODE_TEST = 3;
    /** Stream of the AUDIT-format folder. */
    static final long AUDIT = 4;
    /** Stream of dataset-level choices (ids, row order). */
    static final long LAYOUT = 5;
    /** Stream of the number of exams of each CODE-15% patient. */
    static final long VISITS = 6;
    /** Stream of CODE-15% exam metadata (age drift, follow-up). */
    static final long METADATA = 7;
    /** Stream of the exams of a PTB-XL or Challenge layout ({@link PhysioNetGenerator}). */
    static final long PHYSIONET_EXAMS = 8;
    /** Stream of the patients of a PTB-XL or Challenge layout: traits and strat_fold. */
    static final long PHYSIONET_PATIENTS = 9;
    /** Stream of the number of exams of each PTB-XL or Challenge patient. */
    static final long PHYSIONET_VISITS = 10;

    private Seeds() {
    }

    /** A generator for item {@code index} of {@code stream}. */
    static SplittableRandom random(long seed, long stream, long index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h + stream * 0xBF58476D1CE4E5B9L);
        h = mix(h + index * 0x94D049BB133111EBL);
        return new SplittableRandom(h);
    }

    /** The splitmix64 finaliser: a bijective scramble of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
