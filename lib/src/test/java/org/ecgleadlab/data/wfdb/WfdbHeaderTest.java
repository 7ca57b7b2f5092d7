package org.ecgleadlab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WfdbHeaderTest {
    @TempDir
    Path dir;

    private WfdbHeader header(String text) {
        return WfdbHeader.read(WfdbFiles.write(dir.resolve("r.hea"), text));
    }

    private EcgLabException error(String text) {
        return assertThrows(EcgLabException.class, () -> header(text));
    }

    /** Reading {@code text} as a header fails with a message that contains {@code expected}. */
    private void assertErrorContains(String text, String expected) {
        String message = error(text).getMessage();
        assertTrue(message.contains(expected), message);
    }

    @Test
    void challengeHeaderWithOffsetDateAndComments() {
        WfdbHeader h = header("A0001 2 500 7500 05-Feb-2020 11:39:16\n"
                + "A0001.mat 16+24 1000/mV 16 0 28 -1716 0 I\n"
                + "A0001.mat 16x1+24 1000.0(0)/mv 16 0 7 2029 0 aVR\n"
                + "#Age: 74\n# Dx: RBBB\n");
        assertEquals("A0001", h.recordName());
        assertEquals(2, h.signalCount());
        assertEquals(500, h.frequency());
        assertEquals(7500, h.samplesPerSignal());
        assertEquals(15.0, h.durationSeconds());
        WfdbSignal first = h.signals().get(0);
        assertEquals(new WfdbSignal("A0001.mat", 16, 1, 0, 24, 1000, 0, "mV", 16, 0, 28, -1716, 0, "I"), first);
        WfdbSignal second = h.signals().get(1);
        assertEquals(1, second.samplesPerFrame());
        assertEquals(24, second.byteOffset());
        assertEquals("mv", second.units());
        assertEquals(1.0, second.toMillivolts());
        assertEquals(List.of("Age: 74", "Dx: RBBB"), h.comments());
        assertEquals(dir.resolve("A0001.mat"), h.signalFile(1));
        assertEquals("aVR", h.signalName(1));
    }

    @Test
    void defaultsOfAShortSignalLine() {
        WfdbHeader h = header("100 3 360\n100.dat 212\n100.dat 212 0\n100.dat 8 200(-5)\n");
        assertEquals(0, h.samplesPerSignal(), "no sample count: inferred from the file later");
        WfdbSignal minimal = h.signals().get(0);
        assertEquals(200, minimal.gain());
        assertEquals(0, minimal.baseline());
        assertEquals("mV", minimal.units());
        assertEquals(12, minimal.adcResolution());
        assertEquals(0, minimal.adcZero());
        assertNull(minimal.initialValue());
        assertNull(minimal.checksum());
        assertEquals(0, minimal.blockSize());
        assertEquals("", minimal.description());
        assertEquals(200, h.signals().get(1).gain(), "gain 0 means 200");
        assertEquals(-5, h.signals().get(2).baseline());
        assertEquals(8, h.signals().get(2).adcResolution());
    }

    @Test
    void everyFieldVariant() {
        WfdbHeader h = header("rec 2 128.5/64(3) 1000 12:00:00 01/01/2000\r\n"
                + "\r\n"
                + "  # a comment with leading spaces\r\n"
                + "x.dat 16x1:0+512 2.5e3(12)/uV 16 1024 5 77 512 chest lead V1 \r\n"
                + "x.dat\t16\t-400(-2)/V\t16\t0\t1\t2\t0\tLEAD II\r\n");
        assertEquals(128.5, h.frequency());
        assertEquals(1000, h.samplesPerSignal());
        WfdbSignal a = h.signals().get(0);
        assertEquals(512, a.byteOffset());
        assertEquals(2500, a.gain());
        assertEquals(12, a.baseline());
        assertEquals("uV", a.units());
        assertEquals(0.001, a.toMillivolts());
        assertEquals(1024, a.adcZero());
        assertEquals(5, a.initialValue());
        assertEquals(77, a.checksum());
        assertEquals(512, a.blockSize());
        assertEquals("chest lead V1", a.description(), "the description is the rest of the line, spaces kept");
        WfdbSignal b = h.signals().get(1);
        assertEquals(-400, b.gain());
        assertEquals(-2, b.baseline());
        assertEquals(1000, b.toMillivolts());
        assertEquals("LEAD II", b.description());
        assertEquals(List.of("a comment with leading spaces"), h.comments());
    }

    @Test
    void baselineDefaultsToAdcZero() {
        WfdbHeader h = header("r 1 250 10\nr.dat 16 100/mV 12 2048 0 0 0 II\n");
        assertEquals(2048, h.signals().get(0).baseline());
    }

    @Test
    void microvoltsInAnySpelling() {
        for (String unit : List.of("uV", "UV", "µV", "μV", "µv")) {
            WfdbHeader h = header("r 1 250 10\nr.dat 16 100/" + unit + " 16 0 0 0 0 II\n");
            assertEquals(0.001, h.signals().get(0).toMillivolts(), unit);
        }
        WfdbHeader h = header("r 1 250 10\nr.dat 16 100/mmHg 16 0 0 0 0 ABP\n");
        EcgLabException e = assertThrows(EcgLabException.class, () -> h.signals().get(0).toMillivolts());
        assertTrue(e.getMessage().contains("'mmHg'"), e.getMessage());
    }

    @Test
    void multiSegmentIsRefused() {
        EcgLabException e = error("multi/3 2 360 1000\nseg1 500\nseg2 500\n");
        assertTrue(e.getMessage().contains("multi-segment") && e.getMessage().contains("not supported"),
                e.getMessage());
    }

    @Test
    void missingOrZeroFrequencyIsAnError() {
        assertErrorContains("r 1\nr.dat 16\n", "r.hea line 1: field 'sampling frequency' is missing");
        assertErrorContains("r 1 0 100\nr.dat 16\n", "line 1: field 'sampling frequency' '0'");
    }

    @Test
    void unparseableLinesNameLineAndField() {
        assertErrorContains("# first a comment\nr 1 500 10\nr.dat sixteen 1000/mV\n",
                "r.hea line 3: field 'format' 'sixteen' cannot be read");
        assertErrorContains("r 1 500 10\nr.dat 16 1000mV 16 0 0 0 0 I\n", "line 2: field 'gain' '1000mV'");
        assertErrorContains("r 1 500 10\nr.dat 16 1000/mV 16 0 0 x1 0 I\n", "line 2: field 'checksum' 'x1'");
        assertErrorContains("r two 500 10\n", "line 1: field 'number of signals'");
        assertErrorContains("r 1 500 1e4\nr.dat 16\n", "field 'number of samples per signal' '1e4'");
    }

    @Test
    void signalLineCountMustMatch() {
        assertErrorContains("r 3 500 10\nr.dat 16\nr.dat 16\n", "announces 3 signals but the header has 2");
        EcgLabException many = error("r 1 500 10\nr.dat 16\nr.dat 16\n");
        assertTrue(many.getMessage().contains("line 3") && many.getMessage().contains("announces 1 signals"),
                many.getMessage());
        assertErrorContains("# only a comment\n\n", "no record line");
    }

    @Test
    void missingHeaderFile() {
        EcgLabException e = assertThrows(EcgLabException.class, () -> WfdbHeader.read(dir.resolve("none.hea")));
        assertTrue(e.getMessage().contains("none.hea: header file not found"), e.getMessage());
    }

    @Test
    void latin1HeaderIsRead() {
        byte[] bytes = "r 1 500 10\nr.dat 16 1000/\u00b5V 16 0 0 0 0 I\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        WfdbHeader h = WfdbHeader.read(WfdbFiles.write(dir.resolve("l.hea"), bytes));
        assertEquals(0.001, h.signals().get(0).toMillivolts());
    }
}
