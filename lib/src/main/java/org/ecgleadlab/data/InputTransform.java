package org.ecgleadlab.data;

import java.util.List;

/**
 * What a model sees of a 12-lead input (channel-major 12 × 2560): all leads, a zero-masked subset (still 12
 * channels, for the 12-input model) or a selected subset (only those channels, in the given order).
 */
public sealed interface InputTransform {
    /** Channels of the transformed input. */
    int channels();

    /** Transforms one 12-lead model input; the result has {@code channels() * 2560} values. */
    float[] apply(float[] twelveLeadInput);

    /** A short description for logs and provenance ("all 12 leads", "masked to V1,I", "selected V1,I"). */
    String describe();

    /** All 12 leads unchanged. */
    static InputTransform allLeads() {
        return new AllLeads();
    }

    /** Leads outside {@code kept} zeroed; 12 channels. */
    static InputTransform masked(List<Lead> kept) {
        return new Masked(List.copyOf(kept));
    }

    /** Only {@code leads}, in that order; {@code |leads|} channels. */
    static InputTransform selected(List<Lead> leads) {
        return new Selected(List.copyOf(leads));
    }

    /** See {@link #allLeads()}. */
    record AllLeads() implements InputTransform {
        @Override
        public int channels() {
            return Lead.COUNT;
        }

        @Override
        public float[] apply(float[] twelveLeadInput) {
            return twelveLeadInput;
        }

        @Override
        public String describe() {
            return "all 12 leads";
        }
    }

    /** See {@link #masked(List)}. */
    record Masked(List<Lead> kept) implements InputTransform {
        @Override
        public int channels() {
            return Lead.COUNT;
        }

        @Override
        public float[] apply(float[] twelveLeadInput) {
            return Preprocessing.mask(twelveLeadInput, kept);
        }

        @Override
        public String describe() {
            return "masked to " + Lead.join(kept);
        }
    }

    /** See {@link #selected(List)}. */
    record Selected(List<Lead> leads) implements InputTransform {
        @Override
        public int channels() {
            return leads.size();
        }

        @Override
        public float[] apply(float[] twelveLeadInput) {
            return Preprocessing.select(twelveLeadInput, leads);
        }

        @Override
        public String describe() {
            return "selected " + Lead.join(leads);
        }
    }
}
