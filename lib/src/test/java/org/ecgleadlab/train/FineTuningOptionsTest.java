package org.ecgleadlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What fine-tuning on real records needs from train: several folders, a subset of exams, balancing, --init checks. */
class FineTuningOptionsTest {
    private static final Path REAL = ProjectPaths.realEcg();

    private static TrainConfig.Builder onReal(Path output) {
        return TrainConfig.builder().data(REAL).epochs(1).batchSize(8).device("cpu").output(output);
    }

    @Test
    void severalFoldersTrainEachRecordOnceAndTheProvenanceNamesThemAll(@TempDir Path runs) {
        TrainConfig config = onReal(runs.resolve("a")).folders(List.of(REAL.resolve("cpsc2018-challenge2020"), REAL))
                .init(DefaultCheckpoint.synthetic()).learningRates(1e-4, 1e-4).build();
        RunData data = RunData.prepare(config);
        assertEquals(17, data.train().size() + data.validation().size(), "9 records are in both folders");
        TrainingRun.run(config.toBuilder().onlyExams(firstIds(8)).build()); // fewer records: a faster test
        Provenance provenance = Provenance.read(runs.resolve("a").resolve(TrainingRun.PROVENANCE_FILE));
        assertEquals(2, provenance.dataPaths().size(), provenance.dataPaths().toString());
        assertTrue(provenance.configuration().get("moreData").endsWith("real-ecg"));
    }

    @Test
    void onlyExamsKeepsThoseAndRefusesAnIdTheDataLacks(@TempDir Path runs) {
        List<Long> ids = firstIds(10);
        RunData data = RunData.prepare(onReal(runs.resolve("a")).onlyExams(ids).build());
        assertEquals(10, data.train().size() + data.validation().size());
        EcgLabException e = assertThrows(EcgLabException.class,
                () -> RunData.prepare(onReal(runs.resolve("b")).onlyExams(List.of(42L)).build()));
        assertTrue(e.getMessage().contains("exam 42"), e.getMessage());
    }

    @Test
    void balancedSamplingRepeatsTheRareClassesTowardsTheMostFrequent(@TempDir Path runs) {
        float[] rbbb = new float[Condition.COUNT];
        rbbb[Condition.RBBB.index()] = 1;
        float[] af = new float[Condition.COUNT];
        af[Condition.AF.index()] = 1;
        float[] none = new float[Condition.COUNT];
        List<ExamInfo> exams = List.of(exam(1, rbbb), exam(2, rbbb), exam(3, rbbb), exam(4, rbbb), exam(5, af),
                exam(6, none));
        assertArrayEquals(new int[] {1, 1, 1, 1, 4, 1}, BalancedSampling.repeats(exams));
        assertEquals(9, BalancedSampling.repeat(exams).size());
        int plain = RunData.prepare(onReal(runs.resolve("a")).build()).train().size();
        int balanced = RunData.prepare(onReal(runs.resolve("b")).balanced(true).build()).train().size();
        assertTrue(balanced > plain, balanced + " vs " + plain);
    }

    @Test
    void initWeightsOfAnotherInputAreRefusedInOneLineButAMaskedSubsetMayStartFromThem(@TempDir Path runs) {
        TrainConfig reduced = onReal(runs.resolve("a")).leads(List.of(Lead.V1, Lead.I))
                .input(InputMode.REDUCED).init(DefaultCheckpoint.synthetic()).build();
        EcgLabException e = assertThrows(EcgLabException.class, () -> TrainingRun.run(reduced));
        assertTrue(e.getMessage().contains("12 channels") && e.getMessage().contains("feeds 2"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        TrainingResult masked = TrainingRun.run(onReal(runs.resolve("b")).onlyExams(firstIds(8))
                .leads(List.of(Lead.V1, Lead.I))
                .init(DefaultCheckpoint.synthetic()).learningRates(1e-4, 1e-4).build());
        assertEquals(1, masked.history().size());
    }

    private static List<Long> firstIds(int count) {
        return org.ecgleadlab.data.CodeDataset.open(REAL).exams().stream().limit(count).map(ExamInfo::examId).toList();
    }

    private static ExamInfo exam(long id, float[] labels) {
        return new ExamInfo(id, ExamInfo.UNKNOWN_PATIENT, labels, Path.of("x.hdf5"), (int) id, "test");
    }
}
