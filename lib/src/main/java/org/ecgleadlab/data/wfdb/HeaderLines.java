package org.ecgleadlab.data.wfdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecgleadlab.util.EcgLabException;

/** Parses the record line and signal lines of one WFDB header; errors name the file, line number and field. */
final class HeaderLines {
    private static final String NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
    /** {@code frequency[/counter frequency[(base counter value)]]}. */
    private static final Pattern FREQUENCY = Pattern.compile("(" + NUMBER + ")(?:/(" + NUMBER + ")(?:\\((" + NUMBER
            + ")\\))?)?");
    /** {@code format[xsamples per frame][:skew][+byte offset]}. */
    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:x(\\d+))?(?::(\\d+))?(?:\\+(\\d+))?");
    /** {@code gain[(baseline)][/units]}. */
    private static final Pattern GAIN = Pattern.compile("(" + NUMBER + ")(?:\\(([-+]?\\d+)\\))?(?:/(\\S+))?");

    /** What the record line says. */
    record RecordLine(String name, int signalCount, double frequency, long samples) {
    }

    private final Path file;

    HeaderLines(Path file) {
        this.file = file;
    }

    RecordLine record(String line, int lineNumber) {
        List<String> fields = fields(line, 6).fields();
        String name = fields.get(0);
        if (name.contains("/")) {
            throw new EcgLabException(file + " line " + lineNumber + ": record " + name + " is a multi-segment record; "
                    + "multi-segment records are not supported: convert it to a single-segment record (e.g. with "
                    + "wfdb's wrsamp)");
        }
        if (fields.size() < 2) {
            throw error(lineNumber, "number of signals", null, "write the number of signals after the record name");
        }
        int signals = integer(fields.get(1), lineNumber, "number of signals");
        if (signals < 0) {
            throw error(lineNumber, "number of signals", fields.get(1), "it cannot be negative");
        }
        if (fields.size() < 3) {
            throw error(lineNumber, "sampling frequency", null, "write the sampling frequency in Hz after the number "
                    + "of signals (WFDB's default of 250 Hz is not assumed)");
        }
        Matcher frequency = FREQUENCY.matcher(fields.get(2));
        if (!frequency.matches()) {
            throw error(lineNumber, "sampling frequency", fields.get(2), "write the frequency in Hz, e.g. 500");
        }
        double hz = Double.parseDouble(frequency.group(1));
        if (!(hz > 0) || Double.isInfinite(hz)) {
            throw error(lineNumber, "sampling frequency", fields.get(2), "it must be a positive number of Hz "
                    + "(WFDB's default of 250 Hz is not assumed)");
        }
        long samples = 0;
        if (fields.size() >= 4) {
            samples = longInteger(fields.get(3), lineNumber, "number of samples per signal");
            if (samples < 0) {
                throw error(lineNumber, "number of samples per signal", fields.get(3), "it cannot be negative");
            }
        }
        return new RecordLine(name, signals, hz, samples);
    }

    /**
     * One signal line: {@code file format[xspf][:skew][+offset] [gain[(baseline)][/units] [ADC resolution [ADC zero
     * [initial value [checksum [block size [description]]]]]]]}; the description is the rest of the line.
     */
    WfdbSignal signal(String line, int lineNumber) {
        Fields split = fields(line, 8);
        List<String> fields = split.fields();
        String fileName = fields.get(0);
        if (fields.size() < 2) {
            throw error(lineNumber, "format", null, "write the storage format (e.g. 16) after the file name");
        }
        Matcher format = FORMAT.matcher(fields.get(1));
        if (!format.matches()) {
            throw error(lineNumber, "format", fields.get(1), "write it as format[xframes][:skew][+offset], e.g. 16+24");
        }
        int code = integer(format.group(1), lineNumber, "format");
        int perFrame = format.group(2) == null ? 1 : integer(format.group(2), lineNumber, "samples per frame");
        int skew = format.group(3) == null ? 0 : integer(format.group(3), lineNumber, "skew");
        long offset = format.group(4) == null ? 0 : longInteger(format.group(4), lineNumber, "byte offset");
        double gain = WfdbSignal.DEFAULT_GAIN;
        Integer baseline = null;
        String units = "mV";
        if (fields.size() >= 3) {
            Matcher gainField = GAIN.matcher(fields.get(2));
            if (!gainField.matches()) {
                throw error(lineNumber, "gain", fields.get(2), "write it as gain[(baseline)][/units], e.g. 1000(0)/mV");
            }
            gain = Double.parseDouble(gainField.group(1));
            if (Double.isInfinite(gain)) {
                throw error(lineNumber, "gain", fields.get(2), "it must be a finite number");
            }
            if (gain == 0) {
                gain = WfdbSignal.DEFAULT_GAIN;
            }
            if (gainField.group(2) != null) {
                baseline = integer(gainField.group(2), lineNumber, "baseline");
            }
            if (gainField.group(3) != null) {
                units = gainField.group(3);
            }
        }
        int resolution = fields.size() >= 4 ? integer(fields.get(3), lineNumber, "ADC resolution")
                : WfdbSignal.defaultResolution(code);
        int adcZero = fields.size() >= 5 ? integer(fields.get(4), lineNumber, "ADC zero") : 0;
        Integer initial = fields.size() >= 6 ? integer(fields.get(5), lineNumber, "initial value") : null;
        Integer checksum = fields.size() >= 7 ? integer(fields.get(6), lineNumber, "checksum") : null;
        int blockSize = fields.size() >= 8 ? integer(fields.get(7), lineNumber, "block size") : 0;
        String description = split.rest();
        return new WfdbSignal(fileName, code, perFrame, skew, offset, gain, baseline == null ? adcZero : baseline,
                units, resolution, adcZero, initial, checksum, blockSize, description);
    }

    /** The first {@code count} white-space separated fields and the rest of the line after them (trimmed). */
    record Fields(List<String> fields, String rest) {
    }

    static Fields fields(String line, int count) {
        List<String> fields = new ArrayList<>(count);
        int i = 0;
        int n = line.length();
        while (fields.size() < count) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            fields.add(line.substring(start, i));
        }
        return new Fields(fields, i >= n ? "" : line.substring(i).strip());
    }

    private int integer(String text, int lineNumber, String field) {
        long value = longInteger(text, lineNumber, field);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error(lineNumber, field, text, "the value is out of range");
        }
        return (int) value;
    }

    private long longInteger(String text, int lineNumber, String field) {
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw error(lineNumber, field, text, "write a whole number");
        }
    }

    private EcgLabException error(int lineNumber, String field, String value, String fix) {
        String what = value == null ? "is missing" : "'" + WfdbHeader.abbreviate(value) + "' cannot be read";
        return new EcgLabException(file + " line " + lineNumber + ": field '" + field + "' " + what + "; " + fix);
    }
}
