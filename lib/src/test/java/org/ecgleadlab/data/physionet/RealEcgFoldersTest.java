package org.ecgleadlab.data.physionet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.DataReport;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.ExamScan;
import org.junit.jupiter.api.Test;

/**
 * Every folder of {@code ../shared/real-ecg} opens as a dataset, reproduces the label counts of its README and reads
 * every record (checksums and initial values verified) through the path every command takes.
 */
class RealEcgFoldersTest {
    private static final IntConsumer NO_PROGRESS = n -> { };

    private static int[] counts(CodeDataset data) {
        int[] counts = new int[Condition.COUNT];
        for (ExamInfo exam : data.exams()) {
            for (Condition c : Condition.values()) {
                counts[c.index()] += exam.has(c) ? 1 : 0;
            }
        }
        return counts;
    }

    private static void readsEveryRecord(CodeDataset data, int allZero) {
        ExamScan.Result scan = ExamScan.scan(data.exams(), NO_PROGRESS);
        assertEquals(0, scan.problemCount(), scan.problems().toString());
        assertEquals(data.exams().size(), scan.scanned());
        assertEquals(allZero, scan.allZero().size(), scan.allZero().toString());
    }

    @Test
    void cpsc2018HasItsReadmeLabelCounts() {
        CodeDataset data = CodeDataset.open(SharedRealEcg.folder("cpsc2018-challenge2020"));
        assertEquals(CodeDataset.Format.WFDB, data.report().format());
        assertEquals(75, data.exams().size());
        assertTrue(data.labelled());
        // 1dAVb, RBBB, LBBB, SB, AF, ST
        assertEquals(List.of(3, 14, 5, 0, 13, 0), List.of(box(counts(data))));
        assertEquals(1_000_000_001L, data.exams().get(0).examId()); // A0001
        assertEquals(0, data.report().physionet().skippedNoLeads());
        assertEquals(75, data.report().patients()); // no patient ids: one record, one patient
        readsEveryRecord(data, 0);
    }

    @Test
    void cinc2021SamplesHaveTheirReadmeLabelCounts() {
        CodeDataset data = CodeDataset.open(SharedRealEcg.folder("cinc2021-samples"));
        assertEquals(50, data.exams().size());
        assertEquals(List.of(0, 2, 0, 7, 0, 23), List.of(box(counts(data))));
        // HR06002's 713426002 (incomplete RBBB) is not RBBB: the 2 RBBB come from other records
        ExamInfo hr06002 = data.exam(ExamIds.ofRecordName("HR06002"));
        assertFalse(hr06002.has(Condition.RBBB));
        assertTrue(hr06002.has(Condition.SB));
        assertTrue(data.report().physionet().otherCodes().containsKey("426783006")); // sinus rhythm, none of the six
        readsEveryRecord(data, 0);
    }

    @Test
    void code15WfdbIsUnlabelledWithExamAndPatientIdsFromItsHeaders() {
        CodeDataset data = CodeDataset.open(SharedRealEcg.folder("code15-wfdb"));
        DataReport report = data.report();
        assertEquals(310, data.exams().size()); // 308 real exams + 2 synthetic edge cases
        assertFalse(data.labelled());
        assertEquals(0, report.physionet().skippedNoLeads());
        assertTrue(data.exams().stream().noneMatch(ExamInfo::hasAnyLabel));
        ExamInfo exam = data.exam(11111);
        assertEquals(911235, exam.patientId());
        assertEquals("training_data", exam.source());
        // the edge cases: their names are no numbers, so their ids come from the CRC fallback
        Map<Long, String> named = report.physionet().fallbackIds();
        assertEquals(List.of("9190_all_data_is_zero", "9190_low_sample_rate"), named.values().stream().sorted().toList());
        ExamInfo lowRate = data.exam(ExamIds.ofRecordName("9190_low_sample_rate"));
        assertEquals(513956, lowRate.patientId()); // the same patient as exam 9190, whose copy it is
        readsEveryRecord(data, 1);
    }

    @Test
    void ptbdbRecordGivesItsTwelveStandardLeadsAndIgnoresTheFrankLeads() {
        CodeDataset data = CodeDataset.open(SharedRealEcg.folder("ptbdb"));
        assertEquals(1, data.exams().size());
        assertEquals(0, data.report().physionet().skippedNoLeads());
        assertFalse(data.labelled());
        assertEquals(ExamIds.ofRecordName("s0010_re"), data.exams().get(0).examId());
        readsEveryRecord(data, 0);
    }

    private static Integer[] box(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
