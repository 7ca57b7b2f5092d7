package org.ecgleadlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import org.ecgleadlab.util.EcgLabException;

/** What every label and metadata CSV reader of the toolkit needs below the CSV parser. */
public final class CsvFields {
    private CsvFields() {
    }

    /** Skips a UTF-8 byte-order mark (as Excel writes one) so that the first column keeps its name. */
    public static BufferedReader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /**
     * A whole number, also when pandas wrote it as a float ({@code 15709.0}); otherwise an error naming the file,
     * line and field and saying what was {@code expected} (e.g. "an integer id").
     */
    public static long wholeNumber(Path csv, long line, String field, String value, String expected) {
        String text = value.trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notLong) {
            try {
                double d = Double.parseDouble(text);
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return (long) d;
                }
            } catch (NumberFormatException notNumber) {
                // reported below
            }
            throw new EcgLabException(csv + ": line " + line + ", field " + field + " has value '" + value
                    + "'; expected " + expected);
        }
    }
}
