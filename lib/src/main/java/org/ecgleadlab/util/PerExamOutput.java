package org.ecgleadlab.util;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a command's one-row-per-exam output goes ({@code predict}'s and {@code evaluate}'s predictions,
 * {@code rank-leads --per-exam}'s ranking): the CSV the command always writes ({@link #CSV}, the single-JVM
 * commands), or another format (the Spark path's {@code --format parquet}), written atomically beside it under the
 * CSV's name with the format's extension. The small files of a run (provenance, reports) are not per-exam and stay
 * as they are.
 */
public interface PerExamOutput {
    /** The name of the format, also the extension of what is written: {@code csv}, {@code parquet}. */
    String format();

    /**
     * Writes {@code table} as {@link #format()} at {@link #target target(csvFile)}, whole or not at all; returns the
     * path written. Called only for a format other than CSV.
     */
    Path write(ExamTable table, Path csvFile);

    /** The command's own CSV. */
    PerExamOutput CSV = new PerExamOutput() {
        @Override
        public String format() {
            return "csv";
        }

        @Override
        public Path write(ExamTable table, Path csvFile) {
            throw new IllegalStateException("the CSV is written by the command's own writer");
        }
    };

    /** Whether rows go to the command's CSV. */
    default boolean csv() {
        return format().equals(CSV.format());
    }

    /**
     * The path the rows meant for {@code csvFile} go to: {@code predictions.csv} → {@code predictions.parquet} (a
     * path already in this format as it is).
     */
    default Path target(Path csvFile) {
        String name = csvFile.getFileName().toString();
        if (name.endsWith("." + format())) {
            return csvFile;
        }
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - ".csv".length()) : name;
        return csvFile.resolveSibling(stem + "." + format());
    }

    /**
     * The rows meant for {@code csvFile}: written by {@code csv} (the command's CSV writer) in this format's stead, or
     * built by {@code table} and written in this format. Returns the path written.
     */
    default Path write(Path csvFile, Supplier<ExamTable> table, Function<Path, Path> csv) {
        return csv() ? csv.apply(csvFile) : write(table.get(), csvFile);
    }

    /** Refuses this format where the command writes no per-exam rows; {@code why} says what it does instead. */
    default void refuseUnless(boolean perExamRows, String why) {
        if (!csv() && !perExamRows) {
            throw new EcgLabException("--format " + format() + " writes the per-exam rows as " + format() + "; "
                    + why);
        }
    }
}
