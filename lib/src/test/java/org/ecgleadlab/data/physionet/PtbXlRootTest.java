package org.ecgleadlab.data.physionet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.Splits;
import org.ecgleadlab.data.TracingReader;
import org.ecgleadlab.train.RunData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PTB-XL-layout root built from real PTB-XL (and Georgia) records: ids, patients, labels, folds, both rates. */
class PtbXlRootTest {
    @TempDir
    static Path root;
    static List<String> names;

    @BeforeAll
    static void writeFixture() {
        names = PtbXlFixture.write(root);
    }

    @Test
    void opensWithEcgIdsPatientsAndTheLabelsOfTheSameRecordsAsWfdb() {
        CodeDataset ptbxl = CodeDataset.open(root);
        assertEquals(CodeDataset.Format.PTBXL, ptbxl.report().format());
        assertEquals(16, ptbxl.exams().size());
        assertEquals(15, ptbxl.report().patients()); // 6000 and 6001 are one patient
        assertEquals(15709, ptbxl.exam(6000).patientId());
        assertEquals(root.resolve("records500/06000/06000_hr.hea"), ptbxl.exam(6000).file());
        CodeDataset wfdb = CodeDataset.open(SharedRealEcg.folder("cinc2021-samples"));
        for (int i = 0; i < names.size(); i++) {
            int ecgId = (int) PtbXlFixture.RECORDS.get(i)[1];
            assertArrayEquals(wfdb.exam(ExamIds.ofRecordName(names.get(i))).labels(), ptbxl.exam(ecgId).labels(),
                    names.get(i));
        }
        assertTrue(ptbxl.report().physionet().otherCodes().containsKey("SR"));
    }

    @Test
    void stratFoldIsTheOfficialSplitForTrainingAndTheTestPool() {
        CodeDataset data = CodeDataset.open(root);
        Map<String, List<Long>> bySplit = data.officialSplit().entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        assertEquals(9, bySplit.get(Splits.TRAIN).size()); // folds 1-8
        assertEquals(List.of(6008L, 21804L), bySplit.get(Splits.VALIDATION).stream().sorted().toList());
        assertEquals(List.of(6009L, 21801L, 21803L, 21805L, 21806L),
                data.testPool().stream().map(ExamInfo::examId).toList());
        Splits.TrainValidation split = RunData.split(data, 0, 1, false);
        assertEquals(9, split.train().size());
        assertEquals(2, split.validation().size());
        assertTrue(split.train().stream().noneMatch(e -> e.examId() == 6009));
        Splits.TrainValidation byPatient = RunData.split(data, 0, 1, true); // the user asked otherwise
        assertEquals(16, byPatient.train().size() + byPatient.validation().size());
    }

    @Test
    void records100ReadsThe100HzCopyOfTheSameExams() {
        CodeDataset high = CodeDataset.open(root);
        CodeDataset low = CodeDataset.open(root.resolve("records100"));
        assertEquals(CodeDataset.Format.PTBXL, low.report().format());
        assertEquals(root.resolve("records100/06000/06003_lr.hea"), low.exam(6003).file());
        assertEquals(high.officialSplit(), low.officialSplit());
        float[] at500;
        float[] at100;
        try (TracingReader reader = new TracingReader()) {
            at500 = reader.read(high.exam(6003));
            at100 = reader.read(low.exam(6003));
        }
        assertEquals(CodeFormat.TRACING_VALUES, at100.length);
        // the same ECG: lead II at 100 Hz follows lead II at 500 Hz (both brought to 400 Hz)
        double r = correlation(at500, at100, Lead.II.channel());
        assertTrue(r > 0.9, "correlation " + r); // 0.944: the fixture decimates by 5-sample means, no real filter
    }

    @Test
    void absentRecordFilesAreSkippedAndCounted() throws IOException {
        Files.delete(root.resolve("records100/06000/06005_lr.hea"));
        CodeDataset low = CodeDataset.open(root.resolve("records100"));
        assertEquals(15, low.exams().size());
        assertEquals(1, low.report().skippedRows());
        assertEquals(List.of("records100/06000/06005_lr.hea"), low.report().absentParts());
    }

    private static double correlation(float[] a, float[] b, int channel) {
        double sa = 0;
        double sb = 0;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        int n = CodeFormat.SAMPLES;
        for (int s = 0; s < n; s++) {
            double x = a[s * Lead.COUNT + channel];
            double y = b[s * Lead.COUNT + channel];
            sa += x;
            sb += y;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        double cov = sab - sa * sb / n;
        return cov / Math.sqrt((saa - sa * sa / n) * (sbb - sb * sb / n));
    }
}
