package org.ecgleadlab.data.physionet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small WFDB records (format 16, gain 1000/mV) for tests, with correct initial values and checksums. */
public final class WfdbFiles {
    /** The 12 standard leads as PTB-XL's headers spell them. */
    public static final List<String> TWELVE = List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4",
            "V5", "V6");

    private WfdbFiles() {
    }

    /** A smooth, record-specific test signal in ADC units (1 unit = 1 µV). */
    static short value(int seed, int sample, int signal, int frequency) {
        double t = sample / (double) frequency;
        return (short) Math.round(800 * Math.sin(2 * Math.PI * (1.1 + 0.05 * seed) * t + signal)
                + 40 * signal - 200 + seed);
    }

    /** Writes {@code dir/name.hea} and {@code dir/name.dat}; returns the header path. */
    public static Path write(Path dir, String name, int frequency, int samples, List<String> leads,
                             List<String> comments, int seed) {
        int n = leads.size();
        ByteBuffer data = ByteBuffer.allocate(samples * n * 2).order(ByteOrder.LITTLE_ENDIAN);
        int[] checksum = new int[n];
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < n; c++) {
                short v = value(seed, s, c, frequency);
                data.putShort(v);
                checksum[c] += v;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(name + " " + n + " " + frequency + " " + samples);
        for (int c = 0; c < n; c++) {
            lines.add(name + ".dat 16 1000.0(0)/mV 16 0 " + value(seed, 0, c, frequency) + " "
                    + (short) checksum[c] + " 0 " + leads.get(c));
        }
        comments.forEach(comment -> lines.add("# " + comment));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".dat"), data.array());
            Path hea = dir.resolve(name + ".hea");
            Files.writeString(hea, String.join("\n", lines) + "\n");
            return hea;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 10-s, 500 Hz, 12-lead record with the given comments. */
    public static Path write12(Path dir, String name, int seed, String... comments) {
        return write(dir, name, 500, 5000, TWELVE, List.of(comments), seed);
    }
}
