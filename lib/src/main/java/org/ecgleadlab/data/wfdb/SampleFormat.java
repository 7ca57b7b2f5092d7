package org.ecgleadlab.data.wfdb;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The WFDB signal-file storage formats this reader decodes. A file holds frames of interleaved samples (one per
 * signal of the file, in header order); the packed formats (212, 310, 311) pack that sample stream regardless of
 * frame boundaries, as WFDB writes them.
 */
final class SampleFormat {
    /** Supported format codes, as listed in error messages. */
    static final int[] SUPPORTED = {8, 16, 24, 32, 61, 80, 160, 212, 310, 311};

    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private SampleFormat() {
    }

    static boolean supported(int format) {
        for (int code : SUPPORTED) {
            if (code == format) {
                return true;
            }
        }
        return false;
    }

    /** Bytes holding the first {@code streamSamples} samples of a file's sample stream. */
    static long bytes(int format, long streamSamples) {
        long m = streamSamples;
        return switch (format) {
            case 8, 80 -> m;
            case 16, 61, 160 -> 2 * m;
            case 24 -> 3 * m;
            case 32 -> 4 * m;
            case 212 -> (3 * m + 1) / 2;
            case 310 -> 4 * (m / 3) + new long[] {0, 2, 4}[(int) (m % 3)];
            case 311 -> 4 * (m / 3) + new long[] {0, 2, 3}[(int) (m % 3)];
            default -> throw new IllegalArgumentException("unsupported format " + format);
        };
    }

    /** Whole frames of {@code signalsInFile} samples that {@code available} bytes hold. */
    static long frames(int format, int signalsInFile, long available) {
        if (signalsInFile == 0 || available <= 0) {
            return 0;
        }
        // six frames hold whole packing groups in every format, so this estimate is within a frame or two
        double bytesPerFrame = bytes(format, 6L * signalsInFile) / 6.0;
        long frames = Math.min((long) (available / bytesPerFrame), available);
        while (frames > 0 && bytes(format, frames * signalsInFile) > available) {
            frames--;
        }
        while (bytes(format, (frames + 1) * signalsInFile) <= available) {
            frames++;
        }
        return frames;
    }

    /**
     * Decodes {@code frames} frames of {@code signalsInFile} interleaved samples from {@code data} (starting at its
     * first byte): sample {@code i} of the signal at frame position {@code positions[k]} goes to {@code out[k][i]}.
     * Format 8 (first differences) starts each signal from {@code initial[k]}.
     */
    static void decode(int format, byte[] data, int signalsInFile, int frames, int[] positions, int[] initial,
            int[][] out) {
        for (int k = 0; k < positions.length; k++) {
            int[] target = out[k];
            int p = positions[k];
            int n = signalsInFile;
            switch (format) {
                case 16 -> {
                    for (int i = 0, at = 2 * p, step = 2 * n; i < frames; i++, at += step) {
                        target[i] = (short) SHORT_LE.get(data, at);
                    }
                }
                case 61 -> {
                    for (int i = 0, at = 2 * p, step = 2 * n; i < frames; i++, at += step) {
                        target[i] = (short) SHORT_BE.get(data, at);
                    }
                }
                case 160 -> {
                    for (int i = 0, at = 2 * p, step = 2 * n; i < frames; i++, at += step) {
                        target[i] = ((short) SHORT_LE.get(data, at) & 0xffff) - 32768;
                    }
                }
                case 80 -> {
                    for (int i = 0, at = p; i < frames; i++, at += n) {
                        target[i] = (data[at] & 0xff) - 128;
                    }
                }
                case 8 -> {
                    int value = initial[k];
                    for (int i = 0, at = p; i < frames; i++, at += n) {
                        value += data[at];
                        target[i] = value;
                    }
                }
                case 24 -> {
                    for (int i = 0, at = 3 * p, step = 3 * n; i < frames; i++, at += step) {
                        target[i] = (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | data[at + 2] << 16;
                    }
                }
                case 32 -> {
                    for (int i = 0, at = 4 * p, step = 4 * n; i < frames; i++, at += step) {
                        target[i] = (int) INT_LE.get(data, at);
                    }
                }
                case 212 -> {
                    for (long i = 0, s = p; i < frames; i++, s += n) {
                        target[(int) i] = packed212(data, s);
                    }
                }
                case 310, 311 -> {
                    for (long i = 0, s = p; i < frames; i++, s += n) {
                        target[(int) i] = format == 310 ? packed310(data, s) : packed311(data, s);
                    }
                }
                default -> throw new IllegalArgumentException("unsupported format " + format);
            }
        }
    }

    /** Sample {@code s} of a 212 stream: two 12-bit samples in three bytes, the middle byte's nibbles shared. */
    private static int packed212(byte[] data, long s) {
        int at = (int) (s / 2 * 3);
        int value = (s & 1) == 0
                ? (data[at] & 0xff) | (data[at + 1] & 0x0f) << 8
                : (data[at + 2] & 0xff) | (data[at + 1] & 0xf0) << 4;
        return value << 20 >> 20;
    }

    /**
     * Sample {@code s} of a 310 stream: three 10-bit samples in two little-endian 16-bit words; the first two sit in
     * bits 1–10 of each word, the third is made of bits 11–15 of the first (low part) and second (high part) word.
     */
    private static int packed310(byte[] data, long s) {
        int at = (int) (s / 3 * 4);
        int value = switch ((int) (s % 3)) {
            case 0 -> ((data[at] & 0xff) | (data[at + 1] & 0xff) << 8) >> 1 & 0x3ff;
            case 1 -> ((data[at + 2] & 0xff) | (data[at + 3] & 0xff) << 8) >> 1 & 0x3ff;
            default -> (data[at + 1] & 0xff) >> 3 | ((data[at + 3] & 0xff) >> 3) << 5;
        };
        return value << 22 >> 22;
    }

    /** Sample {@code s} of a 311 stream: three 10-bit samples in the low 30 bits of a little-endian 32-bit word. */
    private static int packed311(byte[] data, long s) {
        int at = (int) (s / 3 * 4);
        int value = switch ((int) (s % 3)) {
            case 0 -> (data[at] & 0xff) | (data[at + 1] & 0x03) << 8;
            case 1 -> (data[at + 1] & 0xff) >> 2 | (data[at + 2] & 0x0f) << 6;
            default -> (data[at + 2] & 0xff) >> 4 | (data[at + 3] & 0x3f) << 4;
        };
        return value << 22 >> 22;
    }
}
