package org.ecgleadlab.train;

/**
 * PyTorch's generator (dropout masks) is reseeded at every epoch start from (run seed, epoch) alone, so an
 * epoch replayed after a resume draws exactly what the uninterrupted run drew. (The shuffle order is the
 * other random stream; {@code Batches} derives it from the same two numbers.)
 */
final class EpochSeeds {
    private static final long DROPOUT_STREAM = 2;

    private EpochSeeds() {
    }

    /** Seed of PyTorch's generator (dropout masks) for {@code epoch}; {@code Engine.setRandomSeed} takes an int. */
    static int dropout(long seed, int epoch) {
        return (int) (mix(seed, epoch, DROPOUT_STREAM) >>> 33);
    }

    /** SplitMix64's finaliser over the three inputs: nearby seeds and epochs give unrelated streams. */
    private static long mix(long seed, int epoch, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
