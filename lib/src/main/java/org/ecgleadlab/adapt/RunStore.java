package org.ecgleadlab.adapt;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecgleadlab.report.Json;

/**
 * The folder where every run of a grid lives, one sub-folder per {@link RunSpec#folderName()}. A run counts as
 * finished only once its {@value #RUN_FILE} exists with the same key: that file is written last, atomically, so a
 * run killed half-way is resumed (its training checkpoints kept) instead of being taken for done.
 */
public final class RunStore {
    /** The provenance file whose presence marks a finished run. */
    public static final String RUN_FILE = "run.json";
    /** The predictions of the run on the evaluation half (exam_id, probabilities, labels). */
    public static final String PREDICTIONS_FILE = "predictions.csv";

    private final Path root;

    public RunStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The folder of {@code spec} (not created). */
    public Path folder(RunSpec spec) {
        return root.resolve(spec.folderName());
    }

    /** The predictions file of {@code spec}. */
    public Path predictions(RunSpec spec) {
        return folder(spec).resolve(PREDICTIONS_FILE);
    }

    /** Whether {@code spec} has already run to the end: its run file carries the same key and its predictions exist. */
    public boolean isFinished(RunSpec spec) {
        Path runFile = folder(spec).resolve(RUN_FILE);
        if (!Files.isRegularFile(runFile) || !Files.isRegularFile(predictions(spec))) {
            return false;
        }
        try {
            JsonObject json = Json.GSON.fromJson(Files.readString(runFile), JsonObject.class);
            return json != null && json.has("key") && spec.key().equals(json.get("key").getAsString());
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return false; // unreadable: run it again
        }
    }

    /** Writes the run file of a finished run: its spec plus {@code outcome} (timings, checkpoint, git revision). */
    public void markFinished(RunSpec spec, Map<String, Object> outcome) {
        Map<String, Object> record = new LinkedHashMap<>(spec.describe());
        record.putAll(outcome);
        Json.write(folder(spec).resolve(RUN_FILE), record);
    }

    /** Creates the run's folder. */
    public Path prepare(RunSpec spec) {
        try {
            return Files.createDirectories(folder(spec));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + folder(spec) + ": " + e.getMessage(), e);
        }
    }
}
