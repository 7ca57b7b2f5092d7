package org.ecgleadlab.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;

/**
 * The 12-lead checkpoint shipped in the repository (trained on the synthetic default; {@code data/README.md}
 * says how), so ranking and adaptation need no training on a fresh machine.
 */
public final class DefaultCheckpoint {
    /** Where it lives, relative to the repository root. */
    public static final String RELATIVE_PATH = "data/checkpoints/lga12-synthetic";
    /** The synthetic-only 12-lead model: the start of fine-tuning and the model of the tables on synthetic data. */
    public static final String SYNTHETIC_RELATIVE_PATH = "data/checkpoints/lga12-synthetic";
    /** Where the lead-dropout model for {@code subset-search} lives when shipped (trained with --lead-dropout). */
    public static final String LEAD_DROPOUT_RELATIVE_PATH = "data/checkpoints/lga12-lead-dropout";

    private DefaultCheckpoint() {
    }

    /** Its folder, or an error saying how to make one when it is missing. */
    public static Path path() {
        Path folder = ProjectPaths.root().resolve(RELATIVE_PATH);
        if (!Files.isRegularFile(folder.resolve(Checkpoint.MODEL_FILE))) {
            throw new EcgLabException(folder + ": the shipped checkpoint is missing; restore it from git, or pass "
                    + "weights with --checkpoint (train them with: jbang train)");
        }
        return folder;
    }

    /** The synthetic-only checkpoint's folder, or an error saying how to restore it. */
    public static Path synthetic() {
        Path folder = ProjectPaths.root().resolve(SYNTHETIC_RELATIVE_PATH);
        if (!Files.isRegularFile(folder.resolve(Checkpoint.MODEL_FILE))) {
            throw new EcgLabException(folder + ": the shipped synthetic-only checkpoint is missing; restore it from "
                    + "git, or pass weights with --checkpoint");
        }
        return folder;
    }

    /** The shipped lead-dropout checkpoint's folder, when it is there. */
    public static java.util.Optional<Path> leadDropout() {
        Path folder = ProjectPaths.root().resolve(LEAD_DROPOUT_RELATIVE_PATH);
        return Files.isRegularFile(folder.resolve(Checkpoint.MODEL_FILE)) ? java.util.Optional.of(folder)
                : java.util.Optional.empty();
    }

    /** The shipped checkpoint, opened. */
    public static Checkpoint open() {
        return Checkpoint.open(path());
    }
}
