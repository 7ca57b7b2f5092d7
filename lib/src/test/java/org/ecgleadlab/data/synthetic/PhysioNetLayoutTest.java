package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Resampler;
import org.ecgleadlab.data.Splits;
import org.ecgleadlab.data.physionet.PtbXlRoot;
import org.ecgleadlab.data.wfdb.WfdbRecord;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both PhysioNet layouts are read back by the lib's own readers (PtbXlRoot, WfdbFolder through CodeDataset): labels,
 * patients, folds and every lead value equal what the generator planned and made, within int16 quantisation.
 */
class PhysioNetLayoutTest {
    private static final SyntheticConfig CONFIG = SyntheticConfig.defaults();
    private static final int EXAMS = 40;
    /** Half an ADC unit, plus float rounding. */
    private static final double QUANTUM = 0.5 / WfdbWriter.GAIN + 1e-6;

    @TempDir
    Path dir;

    @Test
    void ptbXlRootReadsBackThroughPtbXlRoot() {
        Path root = dir.resolve("ptbxl");
        new PhysioNetGenerator(DataLayout.PTBXL, CONFIG, EXAMS, 2, false).generate(root);
        CodeDataset data = CodeDataset.open(root);
        assertEquals(CodeDataset.Format.PTBXL, data.report().format());
        assertEquals(EXAMS, data.exams().size());
        Map<Long, String> split = data.officialSplit();
        PhysioNetExam.Plan plan = new PhysioNetExam.Plan(CONFIG, true);
        for (int i = 0; i < EXAMS; i++) {
            PhysioNetExam exam = plan.next();
            ExamInfo read = data.exam(i + 1);
            assertEquals(exam.patient() + 1, read.patientId());
            assertLabels(exam, read);
            String expected = exam.fold() <= 8 ? Splits.TRAIN : exam.fold() == 9 ? Splits.VALIDATION : PtbXlRoot.TEST;
            assertEquals(expected, split.get((long) i + 1), "fold of ecg_id " + (i + 1));
            if (i < 3) {
                float[][] tracing = new float[ExamSynthesizer.ROWS][ExamSynthesizer.LEADS];
                ReaderRoundTripTest.MODEL.synthesize(exam.spec(), exam.signal(), CONFIG.noiseLevel(), tracing);
                assertLeads(PhysioNetGenerator.resample(new Resampler(5, 4, 5.0), tracing, exam.spec()),
                        root.resolve(PtbXlDatabaseRow.file(i + 1, true) + ".hea"), 500);
                assertLeads(PhysioNetGenerator.resample(new Resampler(1, 4, 5.0), tracing, exam.spec()),
                        root.resolve(PtbXlDatabaseRow.file(i + 1, false) + ".hea"), 100);
            }
        }
        CodeDataset low = CodeDataset.open(root.resolve("records100"));
        assertEquals(split, low.officialSplit());
    }

    @Test
    void challengeFolderReadsBackThroughWfdbFolder() {
        Path folder = dir.resolve("challenge");
        new PhysioNetGenerator(DataLayout.CHALLENGE, CONFIG, EXAMS, 2, false).generate(folder);
        CodeDataset data = CodeDataset.open(folder);
        assertEquals(EXAMS, data.exams().size());
        assertTrue(data.labelled());
        PhysioNetExam.Plan plan = new PhysioNetExam.Plan(CONFIG, false);
        for (int i = 0; i < EXAMS; i++) {
            PhysioNetExam exam = plan.next();
            Path hea = folder.resolve(PhysioNetGenerator.challengeRecord(i) + ".hea");
            ExamInfo read = data.exams().stream().filter(e -> e.file().equals(hea.toAbsolutePath().normalize()))
                    .findFirst().orElseThrow();
            assertEquals(exam.patient() + 1, read.patientId());
            assertLabels(exam, read);
            if (i < 3) {
                float[][] tracing = new float[ExamSynthesizer.ROWS][ExamSynthesizer.LEADS];
                ReaderRoundTripTest.MODEL.synthesize(exam.spec(), exam.signal(), CONFIG.noiseLevel(), tracing);
                assertLeads(PhysioNetGenerator.resample(new Resampler(5, 4, 5.0), tracing, exam.spec()), hea, 500);
            }
        }
    }

    @Test
    void aRerunContinuesWhereItStoppedAndRefusesOtherOptions() throws IOException {
        Path root = dir.resolve("resume");
        PhysioNetGenerator generator = new PhysioNetGenerator(DataLayout.PTBXL, CONFIG, 20, 2, false);
        generator.generate(root);
        assertTrue(generator.isCurrent(root));
        byte[] csv = Files.readAllBytes(root.resolve(PtbXlRoot.DATABASE_CSV));
        // as if stopped: the listing not yet written, one record unfinished (its header comes last)
        Files.delete(root.resolve(PtbXlRoot.DATABASE_CSV));
        Files.delete(root.resolve(PtbXlDatabaseRow.file(7, false) + ".hea"));
        assertFalse(generator.isCurrent(root));
        PhysioNetGenerator.Report again = generator.generate(root);
        assertEquals(1, again.made());
        assertEquals(new String(csv), Files.readString(root.resolve(PtbXlRoot.DATABASE_CSV)));
        PhysioNetGenerator other = new PhysioNetGenerator(DataLayout.PTBXL, CONFIG.withSeed(5), 20, 2, false);
        EcgLabException refused = assertThrows(EcgLabException.class, () -> other.generate(root));
        assertTrue(refused.getMessage().contains(PhysioNetGenerator.IDENTITY_FILE), refused.getMessage());
    }

    private static void assertLabels(PhysioNetExam exam, ExamInfo read) {
        for (Condition c : Condition.values()) {
            assertEquals(exam.spec().has(c), read.has(c), c + " of exam " + read.examId());
        }
    }

    private static void assertLeads(float[][] expected, Path hea, int frequency) {
        WfdbRecord record = WfdbRecord.read(hea);
        assertEquals(frequency, record.header().frequency());
        assertEquals(List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6"),
                record.header().signals().stream().map(s -> s.description()).toList());
        for (int lead = 0; lead < expected.length; lead++) {
            float[] read = record.millivolts(lead);
            assertEquals(expected[lead].length, read.length);
            for (int t = 0; t < read.length; t++) {
                assertEquals(expected[lead][t], read[t], QUANTUM, hea + " lead " + lead + " sample " + t);
            }
        }
    }
}
