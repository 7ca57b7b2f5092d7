package org.ecgleadlab.data.physionet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.TracingReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records of I, II, V1–V6 get III, aVR, aVL, aVF from Einthoven's and Goldberger's relations. */
class DerivedLimbLeadsTest {
    private static final List<String> EIGHT = List.of("I", "II", "V1", "V2", "V3", "V4", "V5", "V6");

    @TempDir
    Path dir;

    @Test
    void eightLeadRecordsGetTheLimbLeadsDerivedAndCounted() {
        WfdbFiles.write12(dir, "A0001", 1, "Dx: AF");
        WfdbFiles.write(dir, "A0002", 400, 4096, EIGHT, List.of("Dx: AF"), 2); // 400 Hz: copied, not resampled
        CodeDataset data = CodeDataset.open(dir);
        assertEquals(2, data.exams().size());
        assertEquals(1, data.report().physionet().derivedLimbLeads());
        float[] raw;
        try (TracingReader reader = new TracingReader()) {
            raw = reader.read(data.exam(ExamIds.ofRecordName("A0002")));
        }
        for (int s : new int[] {0, 100, 4095}) {
            double i = WfdbFiles.value(2, s, 0, 400) / 1000.0;
            double ii = WfdbFiles.value(2, s, 1, 400) / 1000.0;
            assertEquals(i, raw[s * 12 + Lead.I.channel()], 1e-6);
            assertEquals(ii - i, raw[s * 12 + Lead.III.channel()], 1e-6);
            assertEquals(-(i + ii) / 2, raw[s * 12 + Lead.AVR.channel()], 1e-6);
            assertEquals(i - ii / 2, raw[s * 12 + Lead.AVL.channel()], 1e-6);
            assertEquals(ii - i / 2, raw[s * 12 + Lead.AVF.channel()], 1e-6);
            assertEquals(WfdbFiles.value(2, s, 2, 400) / 1000.0, raw[s * 12 + Lead.V1.channel()], 1e-6);
        }
    }

    @Test
    void withoutBothIAndIINothingIsDerivedAndAnEmptyFolderSaysWhy() {
        WfdbFiles.write(dir, "A0003", 500, 1000, List.of("II", "V1", "V2", "V3", "V4", "V5", "V6"), List.of(), 3);
        WfdbFiles.write(dir.resolve("sub"), "A0004", 500, 1000, List.of("I", "II", "V1", "V2", "V3", "V4", "V5", "V6",
                "V6"), List.of(), 4);
        WfdbFolderTest.assertError(() -> CodeDataset.open(dir), dir.toAbsolutePath().normalize().toString(),
                "no exam: 2 .hea entries found, none usable", "1 without the 12 standard leads (nor I, II and V1-V6), "
                        + "e.g. A0003 (missing I, III, aVR, aVL, aVF)", "1 with a lead named twice",
                "A0004.hea: lead V6 is named twice");
    }
}
