package org.ecgleadlab.data;

import java.util.List;
import org.ecgleadlab.util.EcgLabException;

/**
 * Turns a raw CODE tracing into model input (paper §3): 400 → 250 Hz polyphase resampling of each lead and a change
 * from time-major (4096 × 12) to channel-major (12 × 2560). Lead masking and selection work on that 12-lead input.
 */
public final class Preprocessing {
    private Preprocessing() {
    }

    /** Resamples a raw time-major 4096 × 12 tracing to a channel-major {@code float[12 * 2560]} model input. */
    public static float[] toModelInput(float[] raw) {
        if (raw.length != CodeFormat.TRACING_VALUES) {
            throw new IllegalArgumentException("raw tracing has " + raw.length + " values, expected "
                    + CodeFormat.TRACING_VALUES + " (4096 × 12, time-major)");
        }
        float[] input = new float[Lead.COUNT * CodeFormat.MODEL_SAMPLES];
        for (int lead = 0; lead < Lead.COUNT; lead++) {
            Resampler.CODE_400_TO_250.resample(raw, lead, Lead.COUNT, CodeFormat.SAMPLES,
                    input, lead * CodeFormat.MODEL_SAMPLES, 1);
        }
        return input;
    }

    /** A copy of a 12-lead model input with every lead outside {@code kept} set to zero (still 12 channels). */
    public static float[] mask(float[] modelInput, List<Lead> kept) {
        checkTwelveLeads(modelInput);
        float[] masked = new float[modelInput.length];
        for (Lead lead : kept) {
            int from = lead.channel() * CodeFormat.MODEL_SAMPLES;
            System.arraycopy(modelInput, from, masked, from, CodeFormat.MODEL_SAMPLES);
        }
        return masked;
    }

    /** The channels of {@code leads}, in that order, from a 12-lead model input: {@code float[|leads| * 2560]}. */
    public static float[] select(float[] modelInput, List<Lead> leads) {
        checkTwelveLeads(modelInput);
        float[] selected = new float[leads.size() * CodeFormat.MODEL_SAMPLES];
        for (int c = 0; c < leads.size(); c++) {
            System.arraycopy(modelInput, leads.get(c).channel() * CodeFormat.MODEL_SAMPLES,
                    selected, c * CodeFormat.MODEL_SAMPLES, CodeFormat.MODEL_SAMPLES);
        }
        return selected;
    }

    private static void checkTwelveLeads(float[] modelInput) {
        if (modelInput.length != Lead.COUNT * CodeFormat.MODEL_SAMPLES) {
            throw new EcgLabException("model input has " + modelInput.length + " values; masking and selection start"
                    + " from the 12-lead input (12 × " + CodeFormat.MODEL_SAMPLES + ")");
        }
    }
}
