package org.ecgleadlab.data.synthetic;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The provenance record written last into a synthetic dataset folder ({@code manifest.json}): generator
 * version, full configuration (seed included), and every file with its size. A folder whose manifest is
 * missing, from another version or configuration, or whose files are missing or resized, is stale.
 *
 * @param generator what wrote the folder
 * @param version   the generator version that wrote it (2, the default, or 3)
 * @param config    the configuration, seed included
 * @param exams     exams written
 * @param files     relative path → size in bytes, of every file in the folder except this one
 * @param seconds   wall time of the generation
 * @param threads   worker threads used (the content does not depend on it)
 */
public record GenerationManifest(String generator, int version, SyntheticConfig config, int exams,
                                 Map<String, Long> files, double seconds, int threads) {

    /** File name of the manifest inside the dataset folder. */
    public static final String FILE_NAME = "manifest.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** Writes the manifest into {@code folder} (a temporary folder that is renamed into place whole). */
    void writeTo(Path folder) throws IOException {
        Files.writeString(folder.resolve(FILE_NAME), GSON.toJson(this) + "\n");
    }

    /** Reads the manifest of {@code folder}, or null when it is missing or unreadable. */
    public static GenerationManifest readFrom(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return GSON.fromJson(Files.readString(file), GenerationManifest.class);
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            return null;
        }
    }

    /** True when this manifest describes {@code config} at the default version and every file is intact. */
    public boolean matches(Path folder, SyntheticConfig wanted) {
        return matches(folder, wanted, SyntheticGenerator.DEFAULT_VERSION);
    }

    /** True when this manifest describes {@code config} at {@code wantedVersion} and every file is intact. */
    public boolean matches(Path folder, SyntheticConfig wanted, int wantedVersion) {
        return version == wantedVersion && Objects.equals(config, wanted) && intact(folder);
    }

    /**
     * True when the folder holds an intact dataset of the default generator version or a newer one: what the embedded
     * default accepts as it is (also with other sizes); an older version's is regenerated there, because the shipped
     * checkpoints were trained on the default version's data.
     */
    public boolean intactAtLeastDefault(Path folder) {
        return version >= SyntheticGenerator.DEFAULT_VERSION && intact(folder);
    }

    /**
     * True when the folder was written by a generator version this code still has (2 or 3) and every file is
     * intact.
     */
    public boolean intact(Path folder) {
        boolean known = version >= SyntheticGenerator.PREVIOUS_VERSION && version <= SyntheticGenerator.LATEST_VERSION;
        if (!known || config == null || files == null) {
            return false;
        }
        for (Map.Entry<String, Long> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            try {
                if (!Files.isRegularFile(path) || Files.size(path) != file.getValue()) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
