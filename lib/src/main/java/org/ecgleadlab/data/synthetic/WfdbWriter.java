package org.ecgleadlab.data.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.util.AtomicFiles;

/**
 * Writes one 12-lead WFDB record as PhysioNet ships PTB-XL and the Challenge sets: a {@code .dat} of interleaved
 * little-endian int16 samples (format 16) at {@value #GAIN} units per mV, baseline 0, and a {@code .hea} with the
 * first values and checksums the readers verify. Each file goes through a temporary file and a rename, the header
 * last: a header on disk means its record is complete, which is what a resumed generation checks.
 */
final class WfdbWriter {
    /** ADC units per millivolt (1 µV per unit, PTB-XL's and the Challenge's gain). */
    static final double GAIN = 1000.0;

    private WfdbWriter() {
    }

    /** The header file of record {@code name} in {@code folder}. */
    static Path header(Path folder, String name) {
        return folder.resolve(name + ".hea");
    }

    /**
     * Writes {@code folder/name.dat} and {@code folder/name.hea}.
     *
     * @param leads    millivolts per lead in {@link Lead} order, all of one length
     * @param comments header comments without their {@code #}, e.g. {@code "Dx: 164889003"}
     */
    static void write(Path folder, String name, int frequency, float[][] leads, List<String> comments) {
        int signals = leads.length;
        int samples = leads[0].length;
        short[] first = new short[signals];
        short[] checksum = new short[signals];
        ByteBuffer data = ByteBuffer.allocate(samples * signals * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int t = 0; t < samples; t++) {
            for (int s = 0; s < signals; s++) {
                short value = digital(leads[s][t]);
                data.putShort(value);
                checksum[s] += value;
                if (t == 0) {
                    first[s] = value;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(name + " " + signals + " " + frequency + " " + samples);
        Lead[] order = Lead.values();
        for (int s = 0; s < signals; s++) {
            lines.add(String.format(Locale.ROOT, "%s.dat 16 %.1f(0)/mV 16 0 %d %d 0 %s", name, GAIN, first[s],
                    checksum[s], order[s].label().toUpperCase(Locale.ROOT)));
        }
        comments.forEach(c -> lines.add("# " + c));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + folder + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(folder.resolve(name + ".dat"), out -> out.write(data.array()));
        AtomicFiles.write(header(folder, name), out -> out.write((String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** A millivolt value as int16 units, rounded and clipped to the format's range. */
    static short digital(float millivolts) {
        long units = Math.round(millivolts * GAIN);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, units));
    }
}
