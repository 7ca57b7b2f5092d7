package org.ecgleadlab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WfdbRecordTest {
    @TempDir
    Path dir;

    /** Values spanning a format's range: extremes, zero, ±1 and a ramp, different per signal. */
    private static int[][] signals(int bits, int count, int length) {
        int max = bits == 32 ? Integer.MAX_VALUE : (1 << (bits - 1)) - 1;
        int min = bits == 32 ? Integer.MIN_VALUE : -(1 << (bits - 1));
        int[][] out = new int[count][length];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < length; i++) {
                int v = switch ((i + k) % 6) {
                    case 0 -> max;
                    case 1 -> min;
                    case 2 -> 0;
                    case 3 -> -1;
                    case 4 -> 1;
                    default -> (int) ((long) (i * 37 + k * 11) % max) - max / 2;
                };
                out[k][i] = v;
            }
        }
        return out;
    }

    @ParameterizedTest(name = "format {0}, {1} bits, {2} signals x {3}")
    @CsvSource({"16,16,3,50", "16,16,1,7", "61,16,2,9", "160,16,3,11", "80,8,2,13", "24,24,3,10", "32,32,2,8",
        "212,12,3,9", "212,12,1,7", "212,12,2,5", "310,10,2,7", "310,10,1,5", "311,10,3,7", "311,10,1,4"})
    void everyFormatRoundTrips(int format, int bits, int count, int length) {
        int[][] expected = signals(bits, count, length);
        String[] names = new String[count];
        Arrays.setAll(names, k -> "s" + k);
        Path hea = WfdbFiles.record(dir, "f" + format, format, 500, expected, names);
        WfdbRecord record = WfdbRecord.read(hea);
        assertEquals(length, record.samples());
        for (int k = 0; k < count; k++) {
            assertArrayEquals(expected[k], record.digital(k), "signal " + k);
        }
    }

    @Test
    void format8IsFirstDifferencesFromTheInitialValue() throws IOException {
        // bytes are differences per signal; signal 0 starts at 100, signal 1 at -7 (header initial values)
        WfdbFiles.write(dir.resolve("d.dat"), new byte[] {0, 0, 5, -3, -128, 127});
        WfdbFiles.write(dir.resolve("d.hea"), "d 2 250 3\nd.dat 8 200 8 0 100 " + (100 + 105 - 23)
                + " 0 a\nd.dat 8 200 8 0 -7 " + (-7 - 10 + 117) + " 0 b\n");
        WfdbRecord record = WfdbRecord.read(dir.resolve("d.hea"));
        assertArrayEquals(new int[] {100, 105, -23}, record.digital(0));
        assertArrayEquals(new int[] {-7, -10, 117}, record.digital(1));
    }

    @Test
    void knownBytesOfThePackedFormats() {
        // 212: 0x123 and -2 (0xffe) share the middle byte: low nibble 1 (first), high nibble f (second)
        int[][] out = {new int[2]};
        SampleFormat.decode(212, new byte[] {0x23, (byte) 0xf1, (byte) 0xfe}, 1, 2, new int[] {0}, new int[1], out);
        assertArrayEquals(new int[] {0x123, -2}, out[0]);
        // 311: word 0b 0000000001 0000000010 1111111111 -> samples -1, 2, 1
        int word = 0x3ff | 2 << 10 | 1 << 20;
        SampleFormat.decode(311, new byte[] {(byte) word, (byte) (word >> 8), (byte) (word >> 16), (byte) (word >> 24)},
                1, 3, new int[] {0}, new int[1], out = new int[][] {new int[3]});
        assertArrayEquals(new int[] {-1, 2, 1}, out[0]);
        // 310: samples 5, -3, 0x2a1 (=-351): pairs hold 5<<1 and (-3 & 0x3ff)<<1, the third is split 5 low/5 high bits
        int third = 0x2a1;
        int first = 5 << 1 | (third & 0x1f) << 11;
        int second = (-3 & 0x3ff) << 1 | (third >> 5) << 11;
        SampleFormat.decode(310, new byte[] {(byte) first, (byte) (first >> 8), (byte) second, (byte) (second >> 8)},
                1, 3, new int[] {0}, new int[1], out = new int[][] {new int[3]});
        assertArrayEquals(new int[] {5, -3, third - 1024}, out[0]);
    }

    @Test
    void offsetInterleavingSubsetsAndSeveralFiles() throws IOException {
        int[][] abc = {{1, 2, 3, 4}, {-10, -20, -30, -40}, {7, 0, -7, 0}};
        byte[] data = WfdbFiles.encode(16, abc, new int[3]);
        byte[] withPreamble = new byte[24 + data.length];
        Arrays.fill(withPreamble, 0, 24, (byte) 0x55); // a MATLAB v4 header stand-in
        System.arraycopy(data, 0, withPreamble, 24, data.length);
        WfdbFiles.write(dir.resolve("m.mat"), withPreamble);
        WfdbFiles.write(dir.resolve("m.xyz"), WfdbFiles.encode(212, new int[][] {{9, 8, 7, 6}}, new int[1]));
        WfdbFiles.write(dir.resolve("m.hea"), "m 4 500 4\n"
                + "m.mat 16+24 1000/mV 16 0 1 10 0 a\n"
                + "m.mat 16x1+24 1000/mV 16 0 -10 -100 0 b\n"
                + "m.mat 16+24 1000/mV 16 0 7 0 0 c\n"
                + "m.xyz 212 2000 12 0 9 30 0 vx\n");
        WfdbHeader header = WfdbHeader.read(dir.resolve("m.hea"));
        WfdbRecord all = WfdbRecord.read(header, new int[] {0, 1, 2, 3});
        assertArrayEquals(abc[1], all.digital(1));
        assertArrayEquals(new int[] {9, 8, 7, 6}, all.digital(3));
        Files.delete(dir.resolve("m.xyz"));
        WfdbRecord some = WfdbRecord.read(header, new int[] {2, 0});
        assertArrayEquals(abc[0], some.digital(0));
        assertArrayEquals(abc[2], some.digital(2));
        assertFalse(some.isRead(1));
        assertThrows(IllegalArgumentException.class, () -> some.digital(3));
    }

    @Test
    void samplesInferredFromTheFileWhenTheHeaderOmitsThem() {
        int[][] values = {{1, 2, 3, 4, 5}, {5, 4, 3, 2, 1}};
        WfdbFiles.write(dir.resolve("n.dat"), WfdbFiles.encode(212, values, new int[2]));
        WfdbFiles.write(dir.resolve("n.hea"), "n 2 360\nn.dat 212 200 12 0 1 15\nn.dat 212 200 12 0 5 15\n");
        WfdbRecord record = WfdbRecord.read(dir.resolve("n.hea"));
        assertEquals(5, record.samples());
        assertArrayEquals(values[1], record.digital(1));
    }

    @Test
    void millivoltsFromGainBaselineAndUnits() {
        WfdbFiles.write(dir.resolve("u.dat"), WfdbFiles.encode(16, new int[][] {{1010, 10}, {500, -500}, {3, 1}},
                new int[3]));
        WfdbFiles.write(dir.resolve("u.hea"), "u 3 500 2\nu.dat 16 1000(10)/mV 16\nu.dat 16 0.5/uV 16\n"
                + "u.dat 16 2(1)/V 16\n");
        WfdbRecord record = WfdbRecord.read(dir.resolve("u.hea"));
        assertArrayEquals(new float[] {1f, 0f}, record.millivolts(0));
        assertArrayEquals(new float[] {1f, -1f}, record.millivolts(1)); // 500 / 0.5 uV = 1000 uV
        assertArrayEquals(new float[] {1000f, 0f}, record.millivolts(2));
        WfdbFiles.write(dir.resolve("u.hea"), "u 1 500 2\nu.dat 16 1000/mmHg 16\n");
        WfdbRecord pressure = WfdbRecord.read(dir.resolve("u.hea"));
        EcgLabException e = assertThrows(EcgLabException.class, () -> pressure.millivolts(0));
        assertTrue(e.getMessage().contains("u.hea: record u, signal") && e.getMessage().contains("'mmHg'"),
                e.getMessage());
    }

    @Test
    void invalidSampleValueIsKept() {
        int[][] values = {{-32768, 0, 5}};
        Path hea = WfdbFiles.record(dir, "inv", 16, 500, values, "II");
        assertArrayEquals(values[0], WfdbRecord.read(hea).digital(0));
    }

    @Test
    void checksumMismatchNamesRecordSignalAndBothValues() throws IOException {
        Path hea = WfdbFiles.record(dir, "c", 16, 500, new int[][] {{1, 2, 3}, {4, 5, 6}}, "I", "II");
        byte[] data = Files.readAllBytes(dir.resolve("c.dat"));
        data[data.length - 2] = 9; // last sample of II: 6 -> 9
        Files.write(dir.resolve("c.dat"), data);
        EcgLabException e = assertThrows(EcgLabException.class, () -> WfdbRecord.read(hea));
        assertEquals(dir.resolve("c.dat") + ": record c, signal 1 (II): checksum in header 15 but data gives 18; "
                + "the file is corrupt or truncated, download it again", e.getMessage());
        WfdbRecord.read(WfdbHeader.read(hea), new int[] {0}); // signal I alone is intact
    }

    @Test
    void initialValueMismatch() throws IOException {
        Path hea = WfdbFiles.record(dir, "iv", 24, 500, new int[][] {{100, 0, -100}}, "V1");
        Files.writeString(hea, Files.readString(hea).replace(" 100 0 0 V1", " 101 0 0 V1"));
        EcgLabException e = assertThrows(EcgLabException.class, () -> WfdbRecord.read(hea));
        assertTrue(e.getMessage().contains("record iv, signal 0 (V1): initial value in header 101 but data gives 100"),
                e.getMessage());
    }

    @Test
    void truncatedFileNamesExpectedAndFoundSamples() throws IOException {
        Path hea = WfdbFiles.record(dir, "t", 16, 500, new int[][] {new int[100], new int[100]}, "I", "II");
        byte[] data = Files.readAllBytes(dir.resolve("t.dat"));
        Files.write(dir.resolve("t.dat"), Arrays.copyOf(data, 4 * 60 + 2));
        EcgLabException e = assertThrows(EcgLabException.class, () -> WfdbRecord.read(hea));
        assertTrue(e.getMessage().contains("t.dat: record t, signal 0 (I): the signal file holds 60 samples per "
                + "signal but the header says 100"), e.getMessage());
    }

    @Test
    void missingSignalFile() throws IOException {
        Path hea = WfdbFiles.record(dir, "gone", 16, 500, new int[][] {{1}}, "I");
        Files.delete(dir.resolve("gone.dat"));
        EcgLabException e = assertThrows(EcgLabException.class, () -> WfdbRecord.read(hea));
        assertTrue(e.getMessage().contains("gone.dat: record gone, signal 0 (I): signal file not found"),
                e.getMessage());
    }

    @Test
    void unsupportedLayoutsAreClearErrors() {
        WfdbFiles.write(dir.resolve("x.dat"), new byte[64]);
        WfdbFiles.write(dir.resolve("x.hea"), "x 1 500 4\nx.dat 508 200 16 0 0 0 0 I\n");
        EcgLabException format = assertThrows(EcgLabException.class, () -> WfdbRecord.read(dir.resolve("x.hea")));
        assertTrue(format.getMessage().contains("record x, signal 0 (I): format 508 is not supported; supported "
                + "formats are 8, 16, 24, 32, 61, 80, 160, 212, 310, 311"), format.getMessage());
        WfdbFiles.write(dir.resolve("x.hea"), "x 1 500 4\nx.dat 16x2 200 16 0 0 0 0 I\n");
        EcgLabException frames = assertThrows(EcgLabException.class, () -> WfdbRecord.read(dir.resolve("x.hea")));
        assertTrue(frames.getMessage().contains("2 samples per frame are not supported"), frames.getMessage());
        WfdbFiles.write(dir.resolve("x.hea"), "x 2 500 4\nx.dat 16 200\nx.dat 212 200\n");
        EcgLabException mixed = assertThrows(EcgLabException.class, () -> WfdbRecord.read(dir.resolve("x.hea")));
        assertTrue(mixed.getMessage().contains("signals of one file must share format"), mixed.getMessage());
    }
}
