package org.ecgleadlab.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ecgleadlab.data.synthetic.GenerationManifest;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;

/**
 * The 12-lead checkpoints shipped in the repository ({@code data/README.md} says how each was trained), so ranking,
 * prediction and adaptation need no training on a fresh machine. Two of them: the synthetic-only model (trained on
 * the synthetic default) for everything measured on synthetic data — the paper's tables, the adaptation grid, the
 * default ranking — and the default model for real recordings, that model fine-tuned on the labelled real records
 * ({@code evaluate --cross-validate} measured it better on records it never saw). {@link #forData} picks between them.
 */
public final class DefaultCheckpoint {
    /** The default 12-lead model for real recordings (the synthetic model fine-tuned on real records). */
    public static final String RELATIVE_PATH = "data/checkpoints/lga12-real";
    /** The synthetic-only 12-lead model: the start of fine-tuning and the model of the tables on synthetic data. */
    public static final String SYNTHETIC_RELATIVE_PATH = "data/checkpoints/lga12-synthetic";
    /** Where the lead-dropout model for {@code subset-search} lives when shipped (trained with --lead-dropout). */
    public static final String LEAD_DROPOUT_RELATIVE_PATH = "data/checkpoints/lga12-lead-dropout";

    private DefaultCheckpoint() {
    }

    /** The default 12-lead model's folder, or an error saying how to make one when it is missing. */
    public static Path path() {
        return shipped(RELATIVE_PATH, "the shipped 12-lead checkpoint");
    }

    /** The synthetic-only checkpoint's folder, or an error saying how to restore it. */
    public static Path synthetic() {
        return shipped(SYNTHETIC_RELATIVE_PATH, "the shipped synthetic-only checkpoint");
    }

    /**
     * The shipped model for {@code folders}: the synthetic-only one when no folder is given (the synthetic default) or
     * a folder is generated synthetic data (a generator's {@code manifest.json} in it or its parent), else the default.
     */
    public static Path forData(List<Path> folders) {
        return folders.isEmpty() || folders.stream().anyMatch(DefaultCheckpoint::isSynthetic) ? synthetic() : path();
    }

    /** Whether {@code folder} is (part of) a dataset written by the synthetic generator. */
    static boolean isSynthetic(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        return GenerationManifest.readFrom(absolute) != null
                || absolute.getParent() != null && GenerationManifest.readFrom(absolute.getParent()) != null;
    }

    private static Path shipped(String relative, String what) {
        Path folder = ProjectPaths.root().resolve(relative);
        if (!Files.isRegularFile(folder.resolve(Checkpoint.MODEL_FILE))) {
            throw new EcgLabException(folder + ": " + what + " is missing; restore it from git, or pass weights with "
                    + "--checkpoint (train them with: jbang train)");
        }
        return folder;
    }

    /** The shipped lead-dropout checkpoint's folder, when it is there. */
    public static Optional<Path> leadDropout() {
        Path folder = ProjectPaths.root().resolve(LEAD_DROPOUT_RELATIVE_PATH);
        return Files.isRegularFile(folder.resolve(Checkpoint.MODEL_FILE)) ? Optional.of(folder) : Optional.empty();
    }

    /** The default 12-lead checkpoint, opened. */
    public static Checkpoint open() {
        return Checkpoint.open(path());
    }
}
