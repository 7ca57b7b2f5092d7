package org.ecgleadlab.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code --balanced} and {@code --gain-augment}: how training rows are drawn and scaled, for {@code train} and the
 * fine-tuning of {@code evaluate --cross-validate} (one meaning in both: {@code train.BalancedSampling},
 * {@code data.GainAugmentation}).
 */
public final class SamplingOptions {
    @Option(names = "--balanced",
            description = "class-balanced sampling: repeat each training exam of a rare class so that every class is "
                    + "seen about as often as the most frequent one (for small real sets; validation is unchanged)")
    private boolean balanced;

    @Option(names = "--gain-augment", paramLabel = "G", defaultValue = "0",
            description = "scale each training row by a random gain log-uniform on [1/G, G] and each lead by a "
                    + "further factor within 1/1.2..1.2 (drawn from the seed, epoch and exam), so the model does not "
                    + "depend on absolute amplitude: CODE-15%% amplitudes are 1.7-2x the Challenge records'; "
                    + "e.g. 2 (default: 0 = off)")
    private double gainAugment;

    public boolean balanced() {
        return balanced;
    }

    public double gainAugment() {
        return gainAugment;
    }

    /** Whether either option was given (for commands that accept them only in one mode). */
    public boolean any() {
        return balanced || gainAugment != 0;
    }
}
