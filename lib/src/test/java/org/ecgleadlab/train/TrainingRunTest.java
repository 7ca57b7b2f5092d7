package org.ecgleadlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.Batches;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.model.Npz;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop end to end on a tiny synthetic CODE-15% folder (16 exams; epochs of 2 batches of 8). */
class TrainingRunTest {
    @TempDir
    static Path shared;
    static Path data;

    @BeforeAll
    static void generateTinyDataset() {
        data = GeneratedData.tiny(shared, 16, 1, 1).code15();
    }

    private static TrainConfig.Builder tiny(Path output) {
        return TrainConfig.builder().data(data).epochs(3).batchSize(8).device("cpu").output(output);
    }

    @Test
    void aRunKilledMidEpochAndResumedEndsBitForBitWhereAnUninterruptedRunEnds(@TempDir Path runs) {
        // Two runs of one seed in one JVM, one of them broken off and resumed: equal weights show both that
        // training is deterministic on the CPU and that resuming replays exactly.
        TrainingResult uninterrupted = TrainingRun.run(tiny(runs.resolve("a")).build());

        TrainConfig interrupted = tiny(runs.resolve("c")).build();
        RuntimeException crash = assertThrows(RuntimeException.class,
                () -> TrainingRun.run(interrupted, new CrashAt(2, 0)));
        assertEquals("simulated crash", crash.getMessage());
        assertEquals(1, Checkpoint.readInfo(new CheckpointStore(runs.resolve("c")).latest().orElseThrow()
                .resolve(Checkpoint.INFO_FILE)).epoch(), "epoch 1 was the last completed");

        TrainingResult resumed = TrainingRun.run(interrupted.toBuilder().resume(true).build());
        assertSameState(runs.resolve("a"), runs.resolve("c"));
        assertEquals(uninterrupted.bestEpoch(), resumed.bestEpoch());
        assertEquals(3, resumed.history().size());
        for (int e = 0; e < 3; e++) {
            EpochRecord a = uninterrupted.history().get(e);
            EpochRecord c = resumed.history().get(e);
            assertEquals(a.trainLoss(), c.trainLoss(), "train loss of epoch " + (e + 1));
            assertEquals(a.valLoss(), c.valLoss(), "validation loss of epoch " + (e + 1));
            assertEquals(a.valMacroF1(), c.valMacroF1(), "macro F1 of epoch " + (e + 1));
        }
    }

    @Test
    void aLeadDropoutRunResumedAfterACrashEndsBitForBitWhereAnUninterruptedOneEndsAndRecordsItsDropout(
            @TempDir Path runs) {
        TrainConfig.Builder dropout = tiny(runs.resolve("a")).epochs(2).leadDropout(true, 0.1);
        TrainingResult uninterrupted = TrainingRun.run(dropout.build());
        TrainConfig interrupted = dropout.output(runs.resolve("c")).build();
        assertThrows(RuntimeException.class, () -> TrainingRun.run(interrupted, new CrashAt(2, 1)));
        TrainingResult resumed = TrainingRun.run(interrupted.toBuilder().resume(true).build());
        assertSameState(runs.resolve("a"), runs.resolve("c"));
        assertEquals(uninterrupted.history().get(1).valLoss(), resumed.history().get(1).valLoss());

        CheckpointInfo info = Checkpoint.readInfo(resumed.bestCheckpoint().resolve(Checkpoint.INFO_FILE));
        assertEquals("size-uniform", info.provenance().configuration().get(TrainConfig.LEAD_DROPOUT_FIELD));
        assertEquals("0.1", info.provenance().configuration().get("fullLeadShare"));
        EcgLabException withoutDropout = assertThrows(EcgLabException.class, () -> TrainingRun.run(
                tiny(runs.resolve("c")).epochs(2).resume(true).build()));
        assertTrue(withoutDropout.getMessage().contains(TrainConfig.LEAD_DROPOUT_FIELD), withoutDropout.getMessage());
        // The dropout changes what the model learns from: a run without it ends elsewhere.
        TrainingResult plain = TrainingRun.run(tiny(runs.resolve("plain")).epochs(2).build());
        assertTrue(plain.history().get(1).trainLoss() != resumed.history().get(1).trainLoss());
        assertThrows(EcgLabException.class, () -> tiny(runs.resolve("x")).leads(Lead.parseList("V1"))
                .leadDropout(true, 0).build());
    }

    @Test
    void aPatientSplitRunResumedWithoutItIsRefused(@TempDir Path runs) {
        TrainConfig split = tiny(runs).epochs(2).patientSplit(true).build();
        assertThrows(RuntimeException.class, () -> TrainingRun.run(split, new CrashAt(2, 1)));
        EcgLabException withoutSplit = assertThrows(EcgLabException.class, () -> TrainingRun.run(
                tiny(runs).epochs(2).resume(true).build()));
        assertTrue(withoutSplit.getMessage().contains("patientSplit"), withoutSplit.getMessage());
        // The device is recorded too, but where a run goes on may change.
        TrainingRun.run(split.toBuilder().device("auto").resume(true).build());
    }

    @Test
    void theRunFolderHoldsCheckpointsHistorySplitAndProvenance(@TempDir Path run) throws Exception {
        TrainingResult result = TrainingRun.run(tiny(run).epochs(2).build());
        assertTrue(Files.isRegularFile(result.bestCheckpoint().resolve(Checkpoint.MODEL_FILE)));
        assertTrue(Files.isRegularFile(result.bestCheckpoint().resolve(Checkpoint.OPTIMIZER_FILE)));
        CheckpointInfo info = Checkpoint.readInfo(result.bestCheckpoint().resolve(Checkpoint.INFO_FILE));
        assertEquals(12, info.inputChannels());
        assertEquals("masked", info.input());
        assertEquals(data.toAbsolutePath().normalize().toString(), info.provenance().dataPaths().get(0));
        assertEquals("1", info.provenance().configuration().get("splitSeed"));
        List<String> csv = Files.readAllLines(run.resolve(TrainingHistory.CSV_FILE));
        assertEquals("epoch,train_loss,val_loss,val_macro_f1,lr,seconds", csv.get(0));
        assertEquals(3, csv.size());
        assertTrue(Files.size(run.resolve(TrainingHistory.PNG_FILE)) > 1000);
        assertTrue(Files.readString(run.resolve(RunData.SPLIT_FILE)).startsWith("exam_id,split"));
        assertTrue(Files.isRegularFile(run.resolve(TrainingRun.PROVENANCE_FILE)));
        double lrAtEpoch2 = result.history().get(1).learningRate();
        assertTrue(lrAtEpoch2 < 1e-3 && lrAtEpoch2 > 1e-6, "cosine schedule moved: " + lrAtEpoch2);
    }

    @Test
    void anExistingRunIsNeitherOverwrittenNorResumedWithOtherOptions(@TempDir Path run) {
        TrainingRun.run(tiny(run).epochs(1).build());
        EcgLabException overwrite = assertThrows(EcgLabException.class,
                () -> TrainingRun.run(tiny(run).epochs(1).build()));
        assertTrue(overwrite.getMessage().contains("--resume"), overwrite.getMessage());
        EcgLabException changed = assertThrows(EcgLabException.class,
                () -> TrainingRun.run(tiny(run).epochs(1).batchSize(4).resume(true).build()));
        assertTrue(changed.getMessage().contains("batchSize"), changed.getMessage());
        TrainingResult done = TrainingRun.run(tiny(run).epochs(1).resume(true).build());
        assertEquals(1, done.history().size(), "a finished run is returned as it is");
    }

    @Test
    void aDivergingRunStopsWithAdviceInsteadOfSavingNaNWeights(@TempDir Path run) {
        EcgLabException diverged = assertThrows(EcgLabException.class,
                () -> TrainingRun.run(tiny(run).epochs(1).learningRates(1e30, 1e30).build()));
        assertTrue(diverged.getMessage().contains("diverged in epoch 1"), diverged.getMessage());
        assertTrue(new CheckpointStore(run).latest().isEmpty());
    }

    @Test
    void aReducedRunHasAsManyInputChannelsAsLeadsAndFineTuningStartsFromGivenWeights(@TempDir Path runs) {
        TrainConfig reduced = tiny(runs.resolve("reduced")).epochs(1).leads(Lead.parseList("V1,I"))
                .input(InputMode.REDUCED).build();
        TrainingResult result = TrainingRun.run(reduced);
        assertEquals(2, Checkpoint.open(result.runFolder()).info().orElseThrow().inputChannels());
        try (LgaEcgModel model = Checkpoint.open(result.runFolder()).loadModel(Device.cpu())) {
            assertEquals(2, model.inChannels());
        }
        EcgLabException mismatch = assertThrows(EcgLabException.class, () -> TrainingRun.run(
                tiny(runs.resolve("bad-init")).epochs(1).init(result.runFolder()).build()));
        assertTrue(mismatch.getMessage().contains("--init weights take 2 channels (reduced V1,I)")
                && mismatch.getMessage().contains("feeds 12"), mismatch.getMessage()); // checked before loading

        TrainConfig fineTune = tiny(runs.resolve("fine-tune")).epochs(1).leads(Lead.parseList("V1,I"))
                .input(InputMode.REDUCED).init(result.bestCheckpoint()).learningRates(0, 0).weightDecay(0).build();
        TrainingResult tuned = TrainingRun.run(fineTune);
        // learning rate 0: the weights stay those given (BatchNorm statistics still move in training mode)
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> start = Npz.read(result.bestCheckpoint().resolve(Checkpoint.MODEL_FILE), manager);
            Map<String, NDArray> end = Npz.read(tuned.bestCheckpoint().resolve(Checkpoint.MODEL_FILE), manager);
            assertArrayEquals(start.get("frontend.conv_in.weight").toFloatArray(),
                    end.get("frontend.conv_in.weight").toFloatArray());
            assertFalse(Arrays.equals(start.get("frontend.bn_in.running_mean").toFloatArray(),
                    end.get("frontend.bn_in.running_mean").toFloatArray()));
        }
    }

    @Test
    void trainingStepsAndEvaluationLeaveNoArraysBehind() {
        List<ExamInfo> exams = CodeDataset.open(data).exams();
        Batch batch;
        try (Batches.Stream stream = Batches.builder(exams, 8).build().epoch(0)) {
            batch = stream.next();
        }
        try (LgaEcgModel model = LgaEcgModel.create(12, Device.cpu(), 1);
                AdamW adamW = new AdamW(TrainingRun.trainableArrays(model), AdamW.Settings.pytorchDefaults())) {
            TrainingRun.trainStep(model, adamW, batch, 1e-3);
            int arrays = model.manager().getManagedArrays().size();
            for (int step = 0; step < 3; step++) {
                TrainingRun.trainStep(model, adamW, batch, 1e-3);
            }
            Scores.evaluate(model, List.of(batch));
            assertEquals(arrays, model.manager().getManagedArrays().size(), "arrays kept after steps");
        }
    }

    /** Compares the last checkpoints of two runs: every weight, BatchNorm statistic and AdamW moment, bit for bit. */
    static void assertSameState(Path runA, Path runB) {
        Path a = new CheckpointStore(runA).latest().orElseThrow();
        Path b = new CheckpointStore(runB).latest().orElseThrow();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (String file : List.of(Checkpoint.MODEL_FILE, Checkpoint.OPTIMIZER_FILE)) {
                Map<String, NDArray> left = Npz.read(a.resolve(file), manager);
                Map<String, NDArray> right = Npz.read(b.resolve(file), manager);
                assertEquals(left.keySet(), right.keySet());
                for (String key : left.keySet()) {
                    assertArrayEquals(left.get(key).toByteArray(), right.get(key).toByteArray(),
                            runB.getFileName() + " " + file + " " + key);
                }
            }
        }
    }

    /** Throws after {@code batch} batches of {@code epoch}, as a kill would stop the process. */
    private record CrashAt(int epoch, long batch) implements TrainingListener {
        @Override
        public void batchFinished(int e, long b, int exams, double loss, double learningRate) {
            if (e == epoch && b == batch) {
                throw new IllegalStateException("simulated crash");
            }
        }
    }
}
