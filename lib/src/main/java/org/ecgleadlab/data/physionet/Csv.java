package org.ecgleadlab.data.physionet;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import org.ecgleadlab.util.EcgLabException;

/** Small CSV helpers shared by the PhysioNet readers. */
final class Csv {
    private Csv() {
    }

    /** Skips a UTF-8 byte-order mark (as Excel writes one) so that the first column keeps its name. */
    static BufferedReader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** A whole number, also when pandas wrote it as a float ({@code 15709.0}). */
    static long wholeNumber(Path csv, long line, String field, String value) {
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
                    + "'; expected a whole number");
        }
    }
}
