package org.ecgleadlab.data;

import java.util.SplittableRandom;
import org.ecgleadlab.util.EcgLabException;

/**
 * Random recording gain for training rows ({@code train --gain-augment G}), so that a model does not depend on absolute
 * amplitude: real CODE-15% amplitudes are 1.7–2× those of the CPSC and Challenge records after the same band-pass
 * (lead II 1.72 vs 0.92 mV, {@code ../shared/real-ecg/README.md}), and recorders differ lead by lead. Each row is
 * multiplied by one factor log-uniform on [1/G, G] and each of its channels by a further factor log-uniform on
 * [1/{@value #LEAD_SPREAD}, {@value #LEAD_SPREAD}]. The factors are drawn from (seed, epoch, exam id), so an epoch
 * repeats exactly on resume.
 *
 * @param seed    the run's seed
 * @param maxGain G ≥ 1; 1 leaves the overall scale alone (the per-lead spread stays)
 */
public record GainAugmentation(long seed, double maxGain) {
    /** Largest per-lead factor: a few tens of percent, as between the gains of two recorders' channels. */
    public static final double LEAD_SPREAD = 1.2;

    public GainAugmentation {
        if (!(maxGain >= 1 && maxGain <= 10)) {
            throw new EcgLabException("--gain-augment is " + maxGain + "; use a factor from 1 to 10, e.g. 2");
        }
    }

    /** Scales, in place, the channel-major {@code input} of {@code channels} channels of exam {@code examId}. */
    public void apply(float[] input, int channels, int epoch, long examId) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (long) epoch * 0xBF58476D1CE4E5B9L
                ^ examId * 0x94D049BB133111EBL);
        double overall = logUniform(random, maxGain);
        int length = input.length / channels;
        for (int c = 0; c < channels; c++) {
            float factor = (float) (overall * logUniform(random, LEAD_SPREAD));
            for (int t = c * length; t < (c + 1) * length; t++) {
                input[t] *= factor;
            }
        }
    }

    private static double logUniform(SplittableRandom random, double max) {
        return Math.exp((2 * random.nextDouble() - 1) * Math.log(max));
    }
}
