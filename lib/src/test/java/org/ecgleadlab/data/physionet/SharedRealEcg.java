package org.ecgleadlab.data.physionet;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Assumptions;

/** The real records of {@code ../shared/real-ecg}: tests skip without them, except under {@code CI=true}. */
public final class SharedRealEcg {
    private SharedRealEcg() {
    }

    /** The folder {@code ../shared/real-ecg}, or a skipped test (a failure under CI=true) when absent. */
    public static Path root() {
        return present(sharedRealEcg());
    }

    /** The folder {@code ../shared/real-ecg/<name>}, or a skipped test (a failure under CI=true) when absent. */
    public static Path folder(String name) {
        return present(sharedRealEcg().resolve(name));
    }

    private static Path sharedRealEcg() {
        return ProjectPaths.root().getParent().resolve("shared").resolve("real-ecg");
    }

    private static Path present(Path dir) {
        if (!Files.isDirectory(dir)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(dir + " is missing; under CI=true the shared real records must be present");
            }
            Assumptions.assumeTrue(false, dir + " not present");
        }
        return dir;
    }
}
