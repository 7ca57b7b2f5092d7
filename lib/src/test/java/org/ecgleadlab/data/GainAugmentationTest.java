package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

/** Random recording gain: bounded, one factor per channel, repeatable from (seed, epoch, exam). */
class GainAugmentationTest {
    private static float[] scaled(GainAugmentation gain, int epoch, long exam) {
        float[] input = new float[12 * 10];
        Arrays.fill(input, 1f);
        gain.apply(input, 12, epoch, exam);
        return input;
    }

    @Test
    void everyChannelGetsOneFactorWithinTheBounds() {
        float[] out = scaled(new GainAugmentation(1, 2), 1, 42);
        double max = 2 * GainAugmentation.LEAD_SPREAD;
        for (int c = 0; c < 12; c++) {
            float factor = out[c * 10];
            assertTrue(factor >= 1 / max && factor <= max, "channel " + c + ": " + factor);
            for (int t = 1; t < 10; t++) {
                assertEquals(factor, out[c * 10 + t]);
            }
        }
        assertFalse(out[0] == out[10] && out[10] == out[20], "leads get their own factors");
    }

    @Test
    void theSameSeedEpochAndExamGiveTheSameGainsAndAnotherEpochOthers() {
        GainAugmentation gain = new GainAugmentation(3, 2);
        assertArrayEquals(scaled(gain, 2, 7), scaled(gain, 2, 7));
        assertFalse(Arrays.equals(scaled(gain, 2, 7), scaled(gain, 3, 7)));
        assertThrows(EcgLabException.class, () -> new GainAugmentation(3, 0.5));
    }
}
