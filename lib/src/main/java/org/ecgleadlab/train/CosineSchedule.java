package org.ecgleadlab.train;

/**
 * Cosine annealing of the learning rate from {@code max} to {@code min} over {@code totalSteps} optimizer
 * steps: PyTorch's {@code CosineAnnealingLR(T_max = totalSteps, eta_min = min)} stepped after every batch,
 * in its closed form {@code min + (max − min)·(1 + cos(π·t / T))/2}.
 *
 * <p>Why per step and not per epoch: the runs here are short (a few to a few tens of epochs), and a
 * per-epoch schedule would hold each rate for a whole epoch and never come near {@code min}; per step the
 * rate falls smoothly and the last batch trains at almost {@code min}. The rate is a pure function of the
 * global step, so a resumed run needs no scheduler state beyond the optimizer's step count.
 */
public record CosineSchedule(double max, double min, long totalSteps) {
    public CosineSchedule {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("a schedule needs at least one step, got " + totalSteps);
        }
        if (!(max >= min && min >= 0)) {
            throw new IllegalArgumentException("need max ≥ min ≥ 0, got max " + max + ", min " + min);
        }
    }

    /** The learning rate of the step with zero-based index {@code step} (0 gives {@code max}). */
    public double at(long step) {
        return min + (max - min) * (1 + Math.cos(Math.PI * step / totalSteps)) / 2;
    }
}
