package org.ecgleadlab.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ecgleadlab.train.InputMode;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

class StrategyTest {
    @Test
    void strategiesFollowThePaper() {
        assertEquals(12, Strategy.INFERENCE_WITH_MASKING.inputTransform(PaperResults.TOP_2).channels());
        assertEquals(12, Strategy.TRAIN_WITH_MASKING.inputTransform(PaperResults.TOP_2).channels());
        assertEquals(2, Strategy.REDUCED_CHANNELS.inputTransform(PaperResults.TOP_2).channels());
        assertFalse(Strategy.INFERENCE_WITH_MASKING.trains());
        assertTrue(Strategy.FINETUNE_WITH_MASKING.trains() && Strategy.FINETUNE_WITH_MASKING.startsFromBaseline());
        assertFalse(Strategy.TRAIN_WITH_MASKING.startsFromBaseline());
        assertEquals(InputMode.REDUCED, Strategy.REDUCED_CHANNELS.inputMode());
        assertEquals(Strategy.REDUCED_CHANNELS, Strategy.parse("Reduced_Channels"));
        assertThrows(EcgLabException.class, () -> Strategy.parse("prune"));
    }

    @Test
    void profilesHoldThePaperProtocol() {
        AdaptationProfile paper = AdaptationProfile.named("paper");
        assertEquals(1e-3, paper.learningRateMax());
        assertEquals(1e-6, paper.learningRateMin());
        assertEquals(1e-7, paper.finetuneLearningRate());
        assertEquals(0, paper.maxTrainExams(), "the paper trains on every exam");
        assertTrue(AdaptationProfile.named("quick").maxTrainExams() > 0);
        assertThrows(EcgLabException.class, () -> AdaptationProfile.named("slow"));
    }
}
