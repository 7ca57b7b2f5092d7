package org.ecgleadlab.cli.options;

import org.ecgleadlab.train.TrainConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --seed} with {@code --split-seed}, the seed of the data split: apart, so that models trained with other seeds
 * still see the same exams. A command that reads a ranking takes the ranking's split seed when none is given: scoring
 * on the exams the ranking saw would flatter the ranked subsets.
 */
public final class SeedOptions {
    /** The split seed of a command that reads no ranking, and of one whose ranking is absent: training's. */
    public static final long DEFAULT_SPLIT_SEED = TrainConfig.DEFAULT_SPLIT_SEED;

    @Mixin
    private final SeedOption seed;

    @Option(names = "--split-seed",
            description = "seed of the train/validation split and of the test pool's halves; ranking, subset search "
                    + "and adaptation must use the same (default: the ranking's where one is read, else "
                    + DEFAULT_SPLIT_SEED + ")")
    private Long splitSeed;

    /** {@code defaultSeed}: the command's --seed without the option; --help shows it. */
    public SeedOptions(long defaultSeed) {
        this.seed = new SeedOption(defaultSeed);
    }

    public long seed() {
        return seed.seed();
    }

    /** The split seed given, or null: for a library job that looks up the ranking's itself. */
    public Long givenSplitSeed() {
        return splitSeed;
    }

    /** The split seed given, else {@link #DEFAULT_SPLIT_SEED}: for a command that reads no ranking. */
    public long splitSeed() {
        return splitSeedOr(null);
    }

    /** The split seed given, else {@code ranked} (a ranking's; may be null), else {@link #DEFAULT_SPLIT_SEED}. */
    public long splitSeedOr(Long ranked) {
        return splitSeed != null ? splitSeed : ranked != null ? ranked : DEFAULT_SPLIT_SEED;
    }
}
