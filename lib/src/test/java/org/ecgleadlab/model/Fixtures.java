package org.ecgleadlab.model;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Assumptions;

/** The reference fixtures in {@code shared/fixtures}; tests that need them are skipped where they are missing. */
final class Fixtures {
    private Fixtures() {
    }

    static Path file(String name) {
        Path file = ProjectPaths.root().getParent().resolve("shared").resolve("fixtures").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "fixture missing: " + file);
        return file;
    }

    static Path weights() {
        return file("lga12_seed7_weights.npz");
    }

    static Path io() {
        return file("lga12_seed7_io.npz");
    }
}
