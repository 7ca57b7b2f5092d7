package org.ecgleadlab.train;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.data.synthetic.SyntheticDefaults;
import org.ecgleadlab.util.ProjectPaths;

/**
 * The one rule every job follows for data it is not given: the embedded synthetic default (generated on first use),
 * beside {@link DefaultCheckpoint}, the model it was trained on.
 */
public final class DefaultData {
    private DefaultData() {
    }

    /** Where the embedded default lives, generated or not: its paths, for a plan made before any data is read. */
    public static SyntheticDataset location() {
        return SyntheticDataset.at(ProjectPaths.syntheticData().toAbsolutePath().normalize());
    }

    /** The test-pool folders given, else the embedded default's CODE-TEST and AUDIT (generated when absent). */
    public static List<Path> testPoolOr(List<Path> given) {
        return given != null && !given.isEmpty() ? given : SyntheticDefaults.ensureGenerated().testPool();
    }

    /** The training folder given, else the embedded default's CODE-15% folder (generated when absent). */
    public static Path trainingDataOr(Path given) {
        return given != null ? given : SyntheticDefaults.ensureGenerated().code15();
    }
}
