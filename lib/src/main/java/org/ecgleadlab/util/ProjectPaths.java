package org.ecgleadlab.util;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the embedded default lives. Paths resolve against the repository root (the folder holding
 * {@code jbang-catalog.json}), found by walking up from the working directory, so scripts run from the
 * root and notebooks run from {@code notebooks/} see the same files.
 */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    /** The repository root, or the working directory when no {@code jbang-catalog.json} is found above it. */
    public static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("jbang-catalog.json")) && Files.isDirectory(p.resolve("lib"))) {
                return p;
            }
        }
        return here;
    }

    /** {@code data/} under the root: shipped checkpoints and the generated default dataset. */
    public static Path data() {
        return root().resolve("data");
    }

    /** The generated synthetic default (CODE-15% training set and CODE-TEST-format test pool). */
    public static Path syntheticData() {
        return data().resolve("synthetic");
    }

    /**
     * {@code data/real-ecg/} under the root: a few real patients' WFDB records shipped with the project (their
     * sources and licences in its {@code ATTRIBUTION.md}), so tests and notebooks have real ECGs on a fresh clone.
     */
    public static Path realEcg() {
        return data().resolve("real-ecg");
    }

    /** Default output folder of the scripts. */
    public static Path runs() {
        return root().resolve("runs");
    }
}
