package org.ecgleadlab.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecgleadlab.adapt.AdaptationResults.RunResult;
import org.ecgleadlab.adapt.AdaptationResults.ThresholdChoice;
import org.ecgleadlab.adapt.ReproductionFolder.TableFile;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.synthetic.SyntheticConfig;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.data.synthetic.SyntheticGenerator;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.train.Checkpoint;
import org.ecgleadlab.train.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The quick profile end to end on tiny synthetic data: every strategy trains or scores, tables come out, reruns reuse. */
class QuickProfileEndToEndTest {
    @TempDir
    static Path dir;
    static SyntheticDataset data;
    static Path baseline;

    @BeforeAll
    static void tinyDataAndBaseline() {
        SyntheticConfig tiny = SyntheticConfig.defaults().withSizes(1, 40, 24, 16);
        data = new SyntheticGenerator(tiny, 1, false).generate(dir.resolve("data")).dataset();
        baseline = dir.resolve("baseline.npz");
        try (LgaEcgModel model = LgaEcgModel.create(12, Device.cpu(), 7)) {
            model.saveStateDict(baseline);
        }
    }

    @Test
    void gridTrainsScoresTabulatesAndResumes() throws Exception {
        AdaptationProfile oneEpoch = AdaptationProfile.QUICK.withEpochs(1).withMaxTrainExams(0);
        AdaptationSetup setup = new AdaptationSetup(data.code15(), data.testPool(), baseline, oneEpoch, 1, 1, "cpu");
        List<LeadSubset> top = List.of(new LeadSubset("Top-2", PaperResults.TOP_2));
        LeadSubset bottom = new LeadSubset("Bottom-3", PaperResults.BOTTOM_3);
        Path runs = dir.resolve("runs");
        Path out = dir.resolve("tables");

        ReproduceTables.Outcome first = ReproduceTables.run(setup, top, bottom, ThresholdChoice.PAPER, runs, out,
                TrainingListener.NONE);
        assertEquals(1 + 4 + 1, first.results().size());
        assertEquals(0, first.reused());

        Table table1 = first.tables().get(TableFile.TABLE1);
        assertEquals(4 + 1, table1.rowCount());
        assertEquals("(12-lead)", table1.stringColumn(PaperTables.SUBSET).get(table1.rowCount() - 1));
        for (String column : List.of("1dAVb", "ST", PaperTables.F1, PaperTables.ACCURACY,
                PaperTables.RECALL, PaperTables.PRECISION, PaperTables.PAPER_F1)) {
            DoubleColumn values = table1.doubleColumn(column);
            assertEquals(0, values.countMissing(), column + " has a value in every row");
            assertTrue(values.asList().stream().allMatch(v -> v >= 0 && v <= 1), column + " in [0, 1]");
        }
        assertEquals(3, first.tables().get(TableFile.TABLE2).rowCount());
        for (String file : List.of("table1.csv", "table1.md", "table1-intervals.md", "paired-tests.csv", "table2.csv",
                "table2.md", "metrics.csv", "f1-vs-leads.png", "per-class-f1.png", "report.md", "provenance.json")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(Files.readString(out.resolve("table1.md")).contains("**"), "best values in bold");
        ReproductionFolder written = ReproductionFolder.open(out);
        for (TableFile file : TableFile.ALL) { // the reader finds what the writer wrote, under the same caption
            assertEquals(first.tables().get(file).name(), written.table(file).name());
            assertEquals(first.tables().get(file).rowCount(), written.table(file).rowCount(), file.stem());
        }

        // Metrics come from the evaluation half only.
        Set<Long> evaluation = ids(AdaptationRun.evaluationHalf(setup));
        Set<Long> interpretability = ids(AdaptationRun.halves(setup).interpretability());
        for (RunResult r : first.results()) {
            long[] predicted = PredictionsFile.read(r.folder().resolve(RunStore.PREDICTIONS_FILE)).examIds();
            assertEquals(evaluation, ids(predicted), r.spec().folderName());
            assertTrue(Arrays.stream(predicted).noneMatch(interpretability::contains));
        }

        // Fine-tuning moved the baseline weights a little; training from scratch is far from them.
        double finetuneShift = convInShift(first, "Top-2", Strategy.FINETUNE_WITH_MASKING);
        double scratchShift = convInShift(first, "Top-2", Strategy.TRAIN_WITH_MASKING);
        assertTrue(finetuneShift > 0 && finetuneShift < 0.01, "fine-tune shift " + finetuneShift);
        assertTrue(scratchShift > 0.05, "from-scratch shift " + scratchShift);

        long start = System.nanoTime();
        ReproduceTables.Outcome second = ReproduceTables.run(setup, top, bottom, ThresholdChoice.PAPER, runs, out,
                TrainingListener.NONE);
        assertEquals(first.results().size(), second.reused(), "every finished run is reused");
        assertTrue((System.nanoTime() - start) / 1e9 < 30, "a rerun only recomputes the tables");
        assertEquals(first.results().get(3).metrics().macroF1(), second.results().get(3).metrics().macroF1());

        List<LeadSubset> more = List.of(new LeadSubset("Top-1", PaperResults.TOP_1), top.get(0));
        ReproduceTables.Outcome partial = ReproduceTables.run(setup, more, bottom, ThresholdChoice.PAPER, runs,
                dir.resolve("partial"), TrainingListener.NONE, false);
        assertEquals(first.results().size(), partial.results().size(), "unfinished Top-1 runs left out, not run");

        ThresholdChoice tuned = new ThresholdChoice(0.5, true);
        assertFalse(ReproduceTables.run(setup, top, bottom, tuned, runs, dir.resolve("tuned"),
                TrainingListener.NONE).results().isEmpty());
    }

    /** Largest absolute difference of {@code frontend.conv_in.weight} between a run's trained weights and the baseline. */
    private static double convInShift(ReproduceTables.Outcome outcome, String subset, Strategy strategy) {
        RunResult run = outcome.results().stream()
                .filter(r -> r.spec().subset().name().equals(subset) && r.spec().strategy() == strategy)
                .findFirst().orElseThrow();
        Path trained = Checkpoint.open(run.folder().resolve(AdaptationRun.TRAINING_FOLDER)).modelFile();
        try (LgaEcgModel base = LgaEcgModel.load(baseline, Device.cpu());
             LgaEcgModel adapted = LgaEcgModel.load(trained, Device.cpu())) {
            NDArray a = base.stateDict().get("frontend.conv_in.weight");
            NDArray b = adapted.stateDict().get("frontend.conv_in.weight");
            return a.sub(b).abs().max().getFloat();
        }
    }

    private static Set<Long> ids(List<ExamInfo> exams) {
        Set<Long> ids = new HashSet<>();
        exams.forEach(e -> ids.add(e.examId()));
        return ids;
    }

    private static Set<Long> ids(long[] examIds) {
        Set<Long> ids = new HashSet<>();
        Arrays.stream(examIds).forEach(ids::add);
        return ids;
    }
}
