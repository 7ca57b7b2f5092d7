package org.ecgleadlab.data.wfdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small WFDB records for tests, encoding each format straight from the WFDB signal(5) description. */
final class WfdbFiles {
    private WfdbFiles() {
    }

    static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 16-bit sum of the samples as WFDB writes it in headers (signed). */
    static int checksum(int[] samples) {
        int sum = 0;
        for (int s : samples) {
            sum += s;
        }
        return (short) sum;
    }

    /** Interleaves signals[k][i] frame by frame into the sample stream WFDB stores. */
    static int[] stream(int[][] signals) {
        int n = signals[0].length;
        int[] out = new int[n * signals.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < signals.length; k++) {
                out[i * signals.length + k] = signals[k][i];
            }
        }
        return out;
    }

    /** The bytes of {@code signals} (interleaved) in {@code format}; format 8 starts from {@code initial}. */
    static byte[] encode(int format, int[][] signals, int[] initial) {
        int[] s = stream(signals);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (format) {
            case 8 -> {
                int[] previous = initial.clone();
                for (int i = 0; i < s.length; i++) {
                    int k = i % signals.length;
                    out.write(s[i] - previous[k]);
                    previous[k] = s[i];
                }
            }
            case 80 -> {
                for (int v : s) {
                    out.write(v + 128);
                }
            }
            case 16 -> {
                for (int v : s) {
                    out.write(v);
                    out.write(v >> 8);
                }
            }
            case 61 -> {
                for (int v : s) {
                    out.write(v >> 8);
                    out.write(v);
                }
            }
            case 160 -> {
                for (int v : s) {
                    out.write(v + 32768);
                    out.write((v + 32768) >> 8);
                }
            }
            case 24 -> {
                for (int v : s) {
                    out.write(v);
                    out.write(v >> 8);
                    out.write(v >> 16);
                }
            }
            case 32 -> {
                for (int v : s) {
                    out.write(v);
                    out.write(v >> 8);
                    out.write(v >> 16);
                    out.write(v >> 24);
                }
            }
            case 212 -> {
                // 12 low bits of the first byte pair = sample 1; its 4 high bits + the next byte = sample 2
                for (int i = 0; i < s.length; i += 2) {
                    int a = s[i] & 0xfff;
                    out.write(a);
                    if (i + 1 < s.length) {
                        int b = s[i + 1] & 0xfff;
                        out.write(a >> 8 | (b >> 8) << 4);
                        out.write(b);
                    } else {
                        out.write(a >> 8); // odd count: the last pair has its first sample only
                    }
                }
            }
            case 310 -> {
                for (int i = 0; i < s.length; i += 3) {
                    int a = s[i] & 0x3ff;
                    int b = i + 1 < s.length ? s[i + 1] & 0x3ff : 0;
                    int c = i + 2 < s.length ? s[i + 2] & 0x3ff : 0;
                    int first = a << 1 | (c & 0x1f) << 11; // low bit unused; high 5 bits = low 5 bits of sample 3
                    int second = b << 1 | (c >> 5) << 11;
                    out.write(first);
                    out.write(first >> 8);
                    if (i + 1 < s.length) {
                        out.write(second);
                        out.write(second >> 8);
                    }
                }
            }
            case 311 -> {
                for (int i = 0; i < s.length; i += 3) {
                    long word = (s[i] & 0x3ffL) | (i + 1 < s.length ? (s[i + 1] & 0x3ffL) << 10 : 0)
                            | (i + 2 < s.length ? (s[i + 2] & 0x3ffL) << 20 : 0);
                    int bytes = i + 2 < s.length ? 4 : i + 1 < s.length ? 3 : 2;
                    for (int b = 0; b < bytes; b++) {
                        out.write((int) (word >> (8 * b)));
                    }
                }
            }
            default -> throw new IllegalArgumentException("format " + format);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code name}.hea and {@code name}.dat in {@code dir}: signals in one file, given format, gain 1000/mV,
     * initial values and checksums from the data, descriptions {@code names}.
     */
    static Path record(Path dir, String name, int format, double frequency, int[][] signals, String... names) {
        int[] initial = new int[signals.length];
        for (int k = 0; k < signals.length; k++) {
            initial[k] = signals[k].length > 0 ? signals[k][0] : 0;
        }
        write(dir.resolve(name + ".dat"), encode(format, signals, initial));
        List<String> lines = new ArrayList<>();
        lines.add(name + " " + signals.length + " " + frequency + " " + signals[0].length);
        for (int k = 0; k < signals.length; k++) {
            lines.add(name + ".dat " + format + " 1000/mV " + WfdbSignal.defaultResolution(format) + " 0 " + initial[k]
                    + " " + checksum(signals[k]) + " 0 " + names[k]);
        }
        return write(dir.resolve(name + ".hea"), String.join("\n", lines) + "\n");
    }
}
