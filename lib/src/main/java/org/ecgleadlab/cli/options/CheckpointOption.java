package org.ecgleadlab.cli.options;

import java.nio.file.Path;
import org.ecgleadlab.train.DefaultCheckpoint;
import picocli.CommandLine.Option;

/** {@code -c/--checkpoint}: the weights a command runs, the shipped 12-lead model unless given. */
public final class CheckpointOption {
    @Option(names = {"-c", "--checkpoint"}, paramLabel = "WEIGHTS",
            description = "checkpoint folder, run folder (its best checkpoint) or PyTorch state_dict .npz "
                    + "(default: the shipped 12-lead model, " + DefaultCheckpoint.RELATIVE_PATH + ")")
    private Path checkpoint;

    /** The weights given, or null. */
    public Path given() {
        return checkpoint;
    }

    /** The weights given, else the shipped 12-lead model. */
    public Path orShipped() {
        return checkpoint != null ? checkpoint : DefaultCheckpoint.path();
    }
}
