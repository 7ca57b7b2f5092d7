package org.ecgleadlab.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSpecTest {
    static RunSpec spec(Strategy strategy, List<Lead> leads, long seed, String baselineFingerprint) {
        return new RunSpec("/data/train", "trainfp", "/data/test", "testfp", new LeadSubset("Top-2", leads), strategy,
                AdaptationProfile.QUICK, 42, seed, "/ckpt/base.npz", baselineFingerprint);
    }

    @Test
    void keyDependsOnWhatChangesTheModel() {
        RunSpec base = spec(Strategy.REDUCED_CHANNELS, PaperResults.TOP_2, 1, "b1");
        assertEquals(base.key(), spec(Strategy.REDUCED_CHANNELS, PaperResults.TOP_2, 1, "b1").key());
        assertNotEquals(base.key(), spec(Strategy.REDUCED_CHANNELS, PaperResults.TOP_2, 2, "b1").key(), "seed");
        assertNotEquals(base.key(), spec(Strategy.REDUCED_CHANNELS, List.of(Lead.I, Lead.V1), 1, "b1").key(),
                "lead order is the channel order of a reduced model");
        assertNotEquals(base.key(), spec(Strategy.TRAIN_WITH_MASKING, PaperResults.TOP_2, 1, "b1").key(), "strategy");
        RunSpec longer = new RunSpec("/data/train", "trainfp", "/data/test", "testfp", base.subset(), base.strategy(),
                AdaptationProfile.QUICK.withEpochs(9), 42, 1, "/ckpt/base.npz", "b1");
        assertNotEquals(base.key(), longer.key(), "profile");
        RunSpec otherData = new RunSpec("/data/train", "OTHER", "/data/test", "testfp", base.subset(), base.strategy(),
                AdaptationProfile.QUICK, 42, 1, "/ckpt/base.npz", "b1");
        assertNotEquals(base.key(), otherData.key(), "training data");
    }

    @Test
    void keysAndRecordsStayAsOnDiskSoFinishedRunsAreFoundAgain() {
        RunSpec reduced = spec(Strategy.REDUCED_CHANNELS, PaperResults.TOP_2, 1, "b1");
        assertEquals("top-2-v1-i__reduced-channels__fb16be73eed0", reduced.folderName());
        assertEquals("all__finetune-masking__1a263ed8d09c",
                new RunSpec("/t", "t", "/p", "p", new LeadSubset("All", List.of(Lead.values())),
                        Strategy.FINETUNE_WITH_MASKING, AdaptationProfile.PAPER, 7, 3, "/b.npz", "b").folderName());
        assertEquals("""
                {
                  "key": "fb16be73eed0",
                  "subset": "Top-2",
                  "leads": "V1,I",
                  "strategy": "reduced-channels",
                  "strategyPaperName": "Train with Reduced Channels",
                  "inputChannels": 2,
                  "trainingData": "/data/train",
                  "trainingFingerprint": "trainfp",
                  "testPool": "/data/test",
                  "testPoolFingerprint": "testfp",
                  "profile": {
                    "name": "quick",
                    "epochs": 2,
                    "finetuneEpochs": 2,
                    "maxTrainExams": 150,
                    "batchSize": 16,
                    "learningRateMax": 0.002,
                    "learningRateMin": 1.0E-5,
                    "finetuneLearningRate": 1.0E-4,
                    "bootstrapResamples": 300
                  },
                  "splitSeed": 42,
                  "seed": 1,
                  "baselineCheckpoint": "/ckpt/base.npz",
                  "baselineFingerprint": "b1",
                  "keyFields": {
                    "leads": "V1,I",
                    "profile": {
                      "batchSize": 16,
                      "epochs": 2,
                      "learningRateMax": 0.002,
                      "learningRateMin": 1.0E-5,
                      "maxTrainExams": 150
                    },
                    "seed": 1,
                    "splitSeed": 42,
                    "strategy": "reduced-channels",
                    "testPoolFingerprint": "testfp",
                    "trainingFingerprint": "trainfp"
                  }
                }
                """, Json.toJson(reduced.describe()));
    }

    @Test
    void baselineWeightsMatterOnlyToStrategiesThatStartFromThem() {
        assertEquals(spec(Strategy.REDUCED_CHANNELS, PaperResults.TOP_2, 1, "b1").key(),
                spec(Strategy.REDUCED_CHANNELS, PaperResults.TOP_2, 1, "b2").key());
        assertNotEquals(spec(Strategy.FINETUNE_WITH_MASKING, PaperResults.TOP_2, 1, "b1").key(),
                spec(Strategy.FINETUNE_WITH_MASKING, PaperResults.TOP_2, 1, "b2").key());
        assertNotEquals(spec(Strategy.INFERENCE_WITH_MASKING, PaperResults.TOP_2, 1, "b1").key(),
                spec(Strategy.INFERENCE_WITH_MASKING, PaperResults.TOP_2, 1, "b2").key());
        assertEquals(spec(Strategy.INFERENCE_WITH_MASKING, PaperResults.TOP_2, 1, "b1").key(),
                spec(Strategy.INFERENCE_WITH_MASKING, PaperResults.TOP_2, 7, "b1").key(), "no training: no seed");
    }

    @Test
    void runStoreReusesOnlyAFinishedRunWithTheSameKey(@TempDir Path dir) throws Exception {
        RunStore store = new RunStore(dir);
        RunSpec spec = spec(Strategy.REDUCED_CHANNELS, PaperResults.TOP_2, 1, "b1");
        assertFalse(store.isFinished(spec));
        store.prepare(spec);
        Files.writeString(store.predictions(spec), "exam_id\n");
        assertFalse(store.isFinished(spec), "predictions without a run file: interrupted, not finished");
        store.markFinished(spec, Map.of("seconds", 1.5));
        assertTrue(store.isFinished(spec));
        assertTrue(Files.readString(store.folder(spec).resolve(RunStore.RUN_FILE)).contains("\"seconds\": 1.5"));
        assertFalse(store.isFinished(spec(Strategy.REDUCED_CHANNELS, PaperResults.TOP_2, 2, "b1")));
    }

    @Test
    void fingerprintFollowsContentNotTimestamps(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Files.writeString(a.resolve("exams.csv"), "exam_id\n1\n");
        String first = DataFingerprint.of(a);
        Files.setLastModifiedTime(a.resolve("exams.csv"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(first, DataFingerprint.of(a));
        Files.writeString(a.resolve("exams.csv"), "exam_id\n2\n");
        assertNotEquals(first, DataFingerprint.of(a));
    }
}
