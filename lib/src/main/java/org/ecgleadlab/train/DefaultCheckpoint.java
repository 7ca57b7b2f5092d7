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

    /** The shipped checkpoint, opened. */
    public static Checkpoint open() {
        return Checkpoint.open(path());
    }
}
