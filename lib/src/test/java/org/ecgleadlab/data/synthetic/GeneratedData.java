package org.ecgleadlab.data.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgleadlab.util.AtomicFiles;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Synthetic datasets for tests. {@link #tiny} puts a small default-generator dataset into a test's temporary folder;
 * as an extension ({@code @RegisterExtension static final GeneratedData DATA = new GeneratedData(config);}) it
 * generates {@code config} once for the test class into a folder of its own and removes it afterwards.
 */
public final class GeneratedData implements BeforeAllCallback, AfterAllCallback {
    private final SyntheticConfig config;
    private Path folder;
    private SyntheticDataset dataset;

    public GeneratedData(SyntheticConfig config) {
        this.config = config;
    }

    /**
     * The default generator at a test's size in {@code temp/synthetic}: one CODE-15% part of {@code examsPerPart}
     * exams, a CODE-TEST folder of {@code codeTest} and an AUDIT folder of {@code audit} exams.
     */
    public static SyntheticDataset tiny(Path temp, int examsPerPart, int codeTest, int audit) {
        return SyntheticDefaults.ensureGenerated(temp.resolve("synthetic"),
                SyntheticConfig.defaults().withSizes(1, examsPerPart, codeTest, audit), false);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("generated-data");
        dataset = new SyntheticGenerator(config, 2, false).generate(folder.resolve("synthetic")).dataset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        AtomicFiles.deleteTree(folder);
    }

    /** The dataset generated for this test class. */
    public SyntheticDataset dataset() {
        return dataset;
    }
}
