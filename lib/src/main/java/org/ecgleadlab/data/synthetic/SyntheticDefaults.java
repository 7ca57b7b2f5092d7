package org.ecgleadlab.data.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.ProjectPaths;

/**
 * The embedded default dataset: commands that need data and were given none call {@link #ensureGenerated()}
 * to get the folders of {@code data/synthetic/}, generated (with a progress bar) when absent, incomplete or
 * written by an older generator version. A file lock beside the folder keeps two processes from generating
 * it at once.
 */
public final class SyntheticDefaults {
    private SyntheticDefaults() {
    }

    /**
     * The dataset in {@link ProjectPaths#syntheticData()}: whatever intact dataset the default (or a newer) generator
     * version wrote there (also one made by {@code generate-data} with other sizes), otherwise the default
     * configuration, generated now with a progress bar.
     */
    public static SyntheticDataset ensureGenerated() {
        return ensureGenerated(ProjectPaths.syntheticData());
    }

    /** Like {@link #ensureGenerated()} for the folder {@code root}. */
    public static SyntheticDataset ensureGenerated(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        GenerationManifest manifest = GenerationManifest.readFrom(absolute);
        if (manifest != null && manifest.intactAtLeastDefault(absolute)) {
            return SyntheticDataset.at(absolute);
        }
        return ensureGenerated(absolute, SyntheticConfig.defaults(), true);
    }

    /** True when {@code root} holds a complete dataset made by this generator version from {@code config}. */
    public static boolean isCurrent(Path root, SyntheticConfig config) {
        return isCurrent(root, config, SyntheticGenerator.DEFAULT_VERSION);
    }

    /** True when {@code root} holds a complete dataset made by generator {@code version} from {@code config}. */
    public static boolean isCurrent(Path root, SyntheticConfig config, int version) {
        GenerationManifest manifest = GenerationManifest.readFrom(root);
        return manifest != null && manifest.matches(root, config, version);
    }

    /**
     * The dataset of {@code config} under {@code root}, generated (on all cores) when absent or stale.
     * Leftovers of an interrupted generation are removed.
     */
    public static synchronized SyntheticDataset ensureGenerated(Path root, SyntheticConfig config, boolean progress) {
        Path absolute = root.toAbsolutePath().normalize();
        if (isCurrent(absolute, config)) {
            return SyntheticDataset.at(absolute);
        }
        Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
        try {
            Files.createDirectories(absolute.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                if (isCurrent(absolute, config)) {
                    return SyntheticDataset.at(absolute); // another process made it while we waited
                }
                removeLeftovers(absolute);
                if (progress) {
                    System.err.println("Generating the synthetic dataset in " + absolute
                            + " (" + config.totalExams() + " exams; done once) ...");
                }
                SyntheticGenerator.Report report =
                        new SyntheticGenerator(config, Runtime.getRuntime().availableProcessors(), progress)
                                .generate(absolute);
                if (progress) {
                    System.err.printf("Wrote %d exams (%.1f MB) in %.1f s (%.0f exams/s)%n", report.exams(),
                            report.bytes() / 1e6, report.seconds(), report.examsPerSecond());
                }
                return report.dataset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the synthetic dataset in " + root + ": "
                    + e.getMessage(), e);
        }
    }

    private static void removeLeftovers(Path root) throws IOException {
        String prefix = "." + root.getFileName();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(root.getParent(),
                p -> p.getFileName().toString().startsWith(prefix + ".tmp-")
                        || p.getFileName().toString().startsWith(prefix + ".old-"))) {
            for (Path leftover : siblings) {
                AtomicFiles.deleteTree(leftover);
            }
        }
    }
}
