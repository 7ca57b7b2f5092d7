package org.ecgleadlab.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.InputTransform;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.train.InputMode;
import org.ecgleadlab.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each strategy feeds the model what the paper says and starts from the weights the paper says. */
class StrategyWiringTest {
    private static final int SAMPLES = CodeFormat.MODEL_SAMPLES;

    private static float[] randomTwelveLeadInput() {
        Random random = new Random(3);
        float[] input = new float[Lead.COUNT * SAMPLES];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian() + 0.1f; // never exactly zero
        }
        return input;
    }

    private static float[] channel(float[] input, int channel) {
        return Arrays.copyOfRange(input, channel * SAMPLES, (channel + 1) * SAMPLES);
    }

    @Test
    void maskingZeroesExactlyTheUnusedLeads() {
        float[] input = randomTwelveLeadInput();
        for (Strategy strategy : List.of(Strategy.INFERENCE_WITH_MASKING, Strategy.FINETUNE_WITH_MASKING,
                Strategy.TRAIN_WITH_MASKING)) {
            float[] seen = strategy.inputTransform(PaperResults.TOP_2).apply(input);
            assertEquals(Lead.COUNT * SAMPLES, seen.length, strategy + " keeps 12 channels");
            for (Lead lead : Lead.values()) {
                float[] values = channel(seen, lead.channel());
                if (PaperResults.TOP_2.contains(lead)) {
                    assertArrayEquals(channel(input, lead.channel()), values, strategy + " keeps " + lead);
                } else {
                    assertArrayEquals(new float[SAMPLES], values, strategy + " zeroes " + lead);
                }
            }
        }
        assertArrayEquals(input, Strategy.BASELINE_12_LEAD.inputTransform(PaperResults.TOP_2).apply(input));
    }

    @Test
    void reducedChannelsSeesOnlyTheSubsetInItsOrder() {
        float[] input = randomTwelveLeadInput();
        InputTransform transform = Strategy.REDUCED_CHANNELS.inputTransform(PaperResults.TOP_2);
        float[] seen = transform.apply(input);
        assertEquals(2, transform.channels());
        assertArrayEquals(channel(input, Lead.V1.channel()), channel(seen, 0));
        assertArrayEquals(channel(input, Lead.I.channel()), channel(seen, 1));
    }

    @Test
    void reducedChannelModelHasFewerInputsAndParameters() {
        int fullChannels = Strategy.TRAIN_WITH_MASKING.inputTransform(PaperResults.TOP_2).channels();
        int reducedChannels = Strategy.REDUCED_CHANNELS.inputTransform(PaperResults.TOP_2).channels();
        try (LgaEcgModel full = LgaEcgModel.create(fullChannels, Device.cpu(), 1);
             LgaEcgModel reduced = LgaEcgModel.create(reducedChannels, Device.cpu(), 1)) {
            assertEquals(12, full.inChannels());
            assertEquals(2, reduced.inChannels());
            assertEquals(935_110, full.parameterCount());
            assertEquals(930_630, reduced.parameterCount(), "conv_in loses 64 x 10 x 7 weights");
        }
    }

    @Test
    void trainingConfigurationFollowsTheStrategy(@TempDir Path dir) {
        Path baseline = dir.resolve("baseline.npz");
        try (LgaEcgModel model = LgaEcgModel.create(12, Device.cpu(), 5)) {
            model.saveStateDict(baseline);
        }
        AdaptationSetup setup = new AdaptationSetup(dir, List.of(dir), baseline, AdaptationProfile.PAPER, 3, 9, "cpu");
        LeadSubset top2 = new LeadSubset("Top-2", PaperResults.TOP_2);

        TrainConfig finetune = AdaptationRun.trainConfig(setup, spec(top2, Strategy.FINETUNE_WITH_MASKING), dir.resolve("f"));
        assertEquals(baseline, finetune.init(), "fine-tuning starts from the 12-lead weights");
        assertEquals(InputMode.MASKED, finetune.input());
        assertEquals(1e-7, finetune.lrMax());
        assertEquals(1e-7, finetune.lrMin());

        TrainConfig scratch = AdaptationRun.trainConfig(setup, spec(top2, Strategy.TRAIN_WITH_MASKING), dir.resolve("t"));
        assertNull(scratch.init(), "training with masking starts from random weights");
        assertEquals(12, scratch.inputChannels());
        assertEquals(1e-3, scratch.lrMax());
        assertEquals(1e-6, scratch.lrMin());

        TrainConfig reduced = AdaptationRun.trainConfig(setup, spec(top2, Strategy.REDUCED_CHANNELS), dir.resolve("r"));
        assertNull(reduced.init());
        assertEquals(2, reduced.inputChannels());
        assertEquals(List.of(Lead.V1, Lead.I), reduced.leads());
        assertTrue(reduced.resume(), "an interrupted run continues");
        assertEquals(9, reduced.seed());
        assertEquals(3, reduced.splitSeed());
    }

    private static RunSpec spec(LeadSubset subset, Strategy strategy) {
        return new RunSpec("d", "f", "p", "f", subset, strategy, AdaptationProfile.PAPER, 3, 9, "b", "f");
    }
}
