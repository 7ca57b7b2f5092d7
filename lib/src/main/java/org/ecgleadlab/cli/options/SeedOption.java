package org.ecgleadlab.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code --seed}: the one seed of a command's random choices (initialisation, shuffling, dropout, exam draws,
 * bootstrap resamples: whichever the command makes), all but the data split, which {@link SeedOptions} adds.
 */
public final class SeedOption {
    @Option(names = "--seed",
            description = "seed of every random choice but the data split (default: ${DEFAULT-VALUE})")
    private long seed;

    /** {@code defaultSeed}: the command's seed without the option; --help shows it. */
    public SeedOption(long defaultSeed) {
        this.seed = defaultSeed;
    }

    public long seed() {
        return seed;
    }
}
