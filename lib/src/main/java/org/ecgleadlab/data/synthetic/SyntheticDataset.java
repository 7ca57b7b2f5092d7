package org.ecgleadlab.data.synthetic;

import java.nio.file.Path;
import java.util.List;

/**
 * The folders of a generated dataset: a CODE-15%-format training set and the two CODE-TEST-format folders
 * that make the paper's test pool (CODE-TEST + AUDIT).
 *
 * @param root     the dataset folder (holds {@code manifest.json})
 * @param code15   {@code exams_part*.hdf5} and {@code exams.csv}
 * @param codeTest {@code ecg_tracings.hdf5} and {@code annotations/gold_standard.csv}
 * @param audit    same format as {@code codeTest}
 */
public record SyntheticDataset(Path root, Path code15, Path codeTest, Path audit) {

    /** Sub-folder names under the root. */
    public static final String CODE15 = "code15";
    public static final String CODE_TEST = "code-test";
    public static final String AUDIT = "audit";

    /** The folders under {@code root}. */
    public static SyntheticDataset at(Path root) {
        return new SyntheticDataset(root, root.resolve(CODE15), root.resolve(CODE_TEST), root.resolve(AUDIT));
    }

    /** The test pool folders, CODE-TEST first then AUDIT. */
    public List<Path> testPool() {
        return List.of(codeTest, audit);
    }
}
