package org.ecgleadlab.cli.options;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.train.DefaultCheckpoint;
import picocli.CommandLine.Option;

/**
 * {@code -c/--checkpoint}: the weights a command runs. What it runs without the option differs by command (the shipped
 * 12-lead model, the shipped lead-dropout model, a ranking's checkpoint); the command passes that to the constructor
 * as text, and --help shows it.
 */
public final class CheckpointOption {
    /** What a command that runs the 12-lead model uses without the option. */
    public static final String SHIPPED = "the shipped 12-lead model: " + DefaultCheckpoint.SYNTHETIC_RELATIVE_PATH
            + " on the generated synthetic data, " + DefaultCheckpoint.RELATIVE_PATH + " (fine-tuned on real ECGs) on"
            + " any other";

    /**
     * Text, not a Path: its initial value is the default's description, shown by --help. Picocli stores a new String
     * when the option is given, so {@link #given()} tells the two apart by identity.
     */
    @Option(names = {"-c", "--checkpoint"}, paramLabel = "WEIGHTS",
            description = "checkpoint folder, run folder (its best checkpoint) or PyTorch state_dict .npz "
                    + "(default: ${DEFAULT-VALUE})")
    private String checkpoint;

    private final String whenAbsent;

    /** The option of a command that runs the shipped 12-lead model without it. */
    public CheckpointOption() {
        this(SHIPPED);
    }

    /** {@code whenAbsent}: what the command runs without the option, for --help. */
    public CheckpointOption(String whenAbsent) {
        this.whenAbsent = whenAbsent;
        this.checkpoint = whenAbsent;
    }

    /** The weights given, or null. */
    @SuppressWarnings("StringEquality")
    public Path given() {
        return checkpoint == whenAbsent ? null : Path.of(checkpoint);
    }

    /** The weights given, else the shipped 12-lead model for {@code data} ({@link DefaultCheckpoint#forData}). */
    public Path orShippedFor(List<Path> data) {
        Path given = given();
        return given != null ? given : DefaultCheckpoint.forData(data);
    }
}
