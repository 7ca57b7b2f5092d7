package org.ecgleadlab.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;

/** Pretty JSON through gson, written atomically and read back with user-fixable errors that name the file. */
public final class Json {
    /** The shared gson: pretty-printed, nulls kept (a missing checkpoint shows as {@code null}), NaN allowed. */
    public static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeNulls()
            .serializeSpecialFloatingPointValues()
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    /** The pretty JSON text of {@code value}, ending with a newline. */
    public static String toJson(Object value) {
        return GSON.toJson(value) + "\n";
    }

    /** Writes {@code value} as pretty JSON to {@code file} atomically (temporary sibling + rename). */
    public static void write(Path file, Object value) {
        AtomicFiles.writeString(file, toJson(value));
    }

    /** Reads {@code file} as {@code type} (a class, or a {@code TypeToken}'s type for generics). */
    public static <T> T read(Path file, Type type) {
        return read(file, type, "delete it and run the step that writes it again");
    }

    /**
     * Reads {@code file} as {@code type}; an empty, cut-short or malformed file is one line naming the file, the
     * parser's position and {@code fix} (what the user should do about that kind of file).
     */
    public static <T> T read(Path file, Type type, String fix) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new EcgLabException("JSON file " + file + " does not exist; check the path or run the step that writes it");
        } catch (IOException e) {
            throw new EcgLabException("cannot read JSON file " + file + ": " + e.getMessage());
        }
        try {
            T value = GSON.fromJson(text, type);
            if (value == null) {
                throw new EcgLabException("JSON file " + file + " is empty; " + fix);
            }
            return value;
        } catch (JsonParseException e) {
            throw new EcgLabException("JSON file " + file + " is not valid (" + parserProblem(e) + "); " + fix);
        }
    }

    /** Gson's message without its exception class and its second line (a link to its troubleshooting page). */
    static String parserProblem(JsonParseException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        if (message == null || message.isBlank()) {
            return "cannot be parsed";
        }
        String line = message.strip().lines().findFirst().orElse("");
        int prefix = line.indexOf("Exception: ");
        return prefix >= 0 ? line.substring(prefix + "Exception: ".length()) : line;
    }
}
