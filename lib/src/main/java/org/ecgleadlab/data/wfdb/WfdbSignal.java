package org.ecgleadlab.data.wfdb;

import java.util.Locale;
import org.ecgleadlab.util.EcgLabException;

/**
 * One signal line of a WFDB header, with the specification's defaults filled in: a missing or zero gain is 200
 * ADC units per physical unit, a missing baseline is the ADC zero, missing units are mV, a missing ADC resolution is
 * the format's usual one (12 bits for format 212, 16 for format 16, ...).
 *
 * @param fileName        signal file, relative to the header's folder
 * @param format          storage format code (8, 16, 61, 80, 160, 212, 24, 32, 310, 311)
 * @param samplesPerFrame samples of this signal per frame (only 1 can be read)
 * @param skew            samples of this signal that precede sample 0 (only 0 can be read)
 * @param byteOffset      bytes before sample 0 in the signal file (e.g. 24 for the Challenge's MATLAB v4 files)
 * @param gain            ADC units per physical unit (never 0)
 * @param baseline        ADC value of 0 physical units
 * @param units           physical units as written (e.g. "mV", "uV")
 * @param adcResolution   bits of the analog-to-digital converter
 * @param adcZero         ADC value at the middle of the converter's range
 * @param initialValue    value of sample 0 as the header gives it, or null when absent
 * @param checksum        16-bit sum of all samples as the header gives it, or null when absent
 * @param blockSize       block size in bytes (0: none)
 * @param description     the signal's name, e.g. "II" or "aVR" (may be empty)
 */
public record WfdbSignal(String fileName, int format, int samplesPerFrame, int skew, long byteOffset, double gain,
        int baseline, String units, int adcResolution, int adcZero, Integer initialValue, Integer checksum,
        int blockSize, String description) {

    /** WFDB's gain when the header gives none or 0. */
    public static final double DEFAULT_GAIN = 200;

    /** Factor from this signal's physical units to millivolts (1 for mV, 0.001 for µV, 1000 for V). */
    public double toMillivolts() {
        String unit = units.trim();
        if (unit.equalsIgnoreCase("mV")) {
            return 1;
        }
        if (unit.equalsIgnoreCase("uV") || unit.equalsIgnoreCase("µV") || unit.equalsIgnoreCase("μV")) {
            return 0.001;
        }
        if (unit.equalsIgnoreCase("V")) {
            return 1000;
        }
        throw new EcgLabException("signal " + description + ": units '" + units
                + "' are not a voltage this toolkit reads; write mV, uV or V in the header's gain field (e.g. 1000/mV)");
    }

    /** Physical value in millivolts of one ADC value: (digital − baseline) / gain, times {@link #toMillivolts}. */
    public double millivolts(int digital) {
        return (digital - baseline) / gain * toMillivolts();
    }

    /** The usual ADC resolution of a format, the specification's default when the header omits it. */
    static int defaultResolution(int format) {
        return switch (format) {
            case 8, 80 -> 8;
            case 310, 311 -> 10;
            case 212 -> 12;
            case 24 -> 24;
            case 32 -> 32;
            default -> 16;
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %d%s+%d %s(%d)/%s %s", fileName, format,
                samplesPerFrame == 1 ? "" : "x" + samplesPerFrame, byteOffset, gain, baseline, units, description);
    }
}
