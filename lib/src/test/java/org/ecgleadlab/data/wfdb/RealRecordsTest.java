package org.ecgleadlab.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.physionet.SharedRealEcg;
import org.junit.jupiter.api.Test;

/**
 * Reads every record of {@code ../shared/real-ecg} (skipped where it is absent, a failure under CI=true). Reference
 * values were computed with numpy from the raw bytes ({@code np.fromfile(f, '<i2', offset=24).reshape(-1, 12)} for
 * the .mat files, offset 0 for .dat) and with {@code scipy.signal.resample_poly} (scipy 1.17) on
 * {@code (digital / gain).astype(float32)}.
 */
class RealRecordsTest {
    private static List<Path> headers(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".hea")).sorted().toList();
        }
    }

    @Test
    void everyRecordReadsWithVerifiedChecksumsAndGivesAFiniteCodeTracing() throws IOException {
        Path root = SharedRealEcg.root();
        Map<String, Integer> perFolder = new TreeMap<>();
        for (Path hea : headers(root)) {
            WfdbRecord record = WfdbRecord.read(hea); // every signal, initial value and checksum checked
            WfdbHeader header = record.header();
            for (int s = 0; s < header.signalCount(); s++) {
                assertTrue(header.signals().get(s).checksum() != null, hea + " signal " + s + " has a checksum");
                assertEquals(header.samplesPerSignal(), record.digital(s).length);
            }
            float[] tracing = CodeRawForm.read(hea);
            assertEquals(CodeFormat.TRACING_VALUES, tracing.length);
            for (float v : tracing) {
                assertTrue(Float.isFinite(v), hea.toString());
            }
            perFolder.merge(root.relativize(hea).getParent().toString(), 1, Integer::sum);
        }
        assertEquals(Map.of("cinc2021-samples", 50, "code15-wfdb/holdout_data", 157, "code15-wfdb/training_data", 153,
                "cpsc2018-challenge2020", 75, "ptbdb", 1), perFolder);
    }

    @Test
    void challengeMatFileValues() {
        Path root = SharedRealEcg.root();
        WfdbRecord a0001 = WfdbRecord.read(root.resolve("cpsc2018-challenge2020/A0001.hea"));
        assertEquals(7500, a0001.samples());
        int[] first = new int[12];
        for (int s = 0; s < 12; s++) {
            first[s] = a0001.digital(s)[0];
            assertEquals(a0001.header().signals().get(s).initialValue(), first[s]);
        }
        assertArrayEquals(new int[] {28, 7, -21, -17, 24, -7, -290, -204, -96, -112, -596, -16}, first);
        assertEquals(-1, a0001.digital(5)[1000]);
        assertEquals(214, a0001.digital(11)[7499]);
        assertEquals(0.214f, a0001.millivolts(11)[7499]);
        WfdbRecord hr = WfdbRecord.read(root.resolve("cinc2021-samples/HR06009.hea")); // 16x1+24, 1000.0(0)/mv
        assertEquals(780, hr.digital(1)[2500]);
        assertEquals(45, hr.digital(9)[4999]);
        // A0001: 7500 samples at 500 Hz -> 6000 at 400 Hz -> outputs 952.. kept
        float[] tracing = CodeRawForm.read(root.resolve("cpsc2018-challenge2020/A0001.hea"));
        assertEquals(0.07371502970381831, tracing[Lead.II.channel()], 2e-6);
        assertEquals(-0.0780057179603207, tracing[2048 * 12 + Lead.II.channel()], 2e-6);
        assertEquals(0.2335333804412561, tracing[4095 * 12 + Lead.II.channel()], 2e-6);
        assertEquals(0.21978797864997743, tracing[1000 * 12 + Lead.V5.channel()], 2e-6);
    }

    @Test
    void ptbWithFrankLeadsInASecondFile() {
        Path hea = SharedRealEcg.root().resolve("ptbdb/s0010_re.hea");
        WfdbRecord record = WfdbRecord.read(hea);
        assertEquals(15, record.header().signalCount());
        assertEquals(1000, record.header().frequency());
        assertEquals(-171, record.digital(3)[20000]);
        assertEquals(-333, record.digital(11)[38399]);
        assertEquals(-122, record.digital(13)[100]); // vy, from s0010_re.xyz
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
                StandardLeads.match(record.header()).orElseThrow());
        // 38400 samples at 1000 Hz -> 15360 at 400 Hz -> outputs 5632.. kept; gain 2000 (no units: mV)
        float[] tracing = CodeRawForm.read(hea);
        assertEquals(-0.01616092114072708, tracing[100 * 12 + Lead.V1.channel()], 2e-6);
        assertEquals(-0.014347740130600814, tracing[3000 * 12 + Lead.V1.channel()], 2e-6);
    }

    @Test
    void code15WfdbAndItsTwoSyntheticEdgeCases() {
        Path folder = SharedRealEcg.root().resolve("code15-wfdb");
        WfdbRecord exam = WfdbRecord.read(folder.resolve("training_data/11111.hea"));
        assertEquals(-68, exam.digital(7)[1500]);
        assertEquals(-2, exam.digital(0)[2933]);
        assertEquals(List.of("Exam ID: 11111", "Patient ID: 911235", "Age: 28", "Sex: Female", "Chagas label: False"),
                exam.header().comments());

        // 800 Hz, gain 1 and baseline 1 on all-ones data: 0 mV everywhere, a valid (flat) record
        Path zero = folder.resolve("holdout_data/9190_all_data_is_zero.hea");
        assertEquals(800, WfdbHeader.read(zero).frequency());
        for (float v : CodeRawForm.read(zero)) {
            assertEquals(0f, v);
        }
        // 300 Hz, record line names "9190" and the signal file is 9190.dat: 2934 samples -> 3912 at 400 Hz, 92 zero
        // rows before
        Path low = folder.resolve("holdout_data/9190_low_sample_rate.hea");
        WfdbHeader header = WfdbHeader.read(low);
        assertEquals("9190", header.recordName());
        assertEquals(300, header.frequency());
        float[] tracing = CodeRawForm.read(low);
        assertEquals(0f, tracing[91 * 12]);
        assertEquals(-0.07104519844738785, tracing[(92 + 1000) * 12 + Lead.I.channel()], 2e-6);
        assertEquals(0f, tracing[(92 + 3912) * 12]);
    }
}
