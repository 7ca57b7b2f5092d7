package org.ecgleadlab.adapt;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.data.InputTransform;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.train.InputMode;
import org.ecgleadlab.util.EcgLabException;

/**
 * How a model is adapted to a reduced lead subset (paper §4.3), plus the 12-lead baseline it is compared with.
 * Each strategy says whether it trains, whether it starts from the baseline weights, and how the input looks:
 * zero-masked 12 channels or only the subset's channels.
 */
public enum Strategy {
    /** The 12-lead model on all 12 leads: the reference row of Tables 1 and 2. */
    BASELINE_12_LEAD("baseline", "Baseline LGA-ECG Model"),
    /** The 12-lead model as is, unused leads zeroed, no training ("zero-effort"). */
    INFERENCE_WITH_MASKING("inference-masking", "Inference with Masking"),
    /** The 12-lead model fine-tuned on zero-masked data with a low learning rate. */
    FINETUNE_WITH_MASKING("finetune-masking", "Finetune with Masking"),
    /** The 12-input architecture from random initialisation, trained on zero-masked data. */
    TRAIN_WITH_MASKING("train-masking", "Train with Masking"),
    /** The architecture with in_channels = |subset|, trained from scratch on the subset's leads only. */
    REDUCED_CHANNELS("reduced-channels", "Train with Reduced Channels");

    /** The four adaptation strategies of the paper, in Table 1's row order. */
    public static final List<Strategy> ADAPTATIONS =
            List.of(INFERENCE_WITH_MASKING, FINETUNE_WITH_MASKING, TRAIN_WITH_MASKING, REDUCED_CHANNELS);

    private final String cliName;
    private final String paperName;

    Strategy(String cliName, String paperName) {
        this.cliName = cliName;
        this.paperName = paperName;
    }

    /** The name used on the command line and in folder names ("reduced-channels"). */
    public String cliName() {
        return cliName;
    }

    /** The row label of the paper's Table 1 ("Train with Reduced Channels"). */
    public String paperName() {
        return paperName;
    }

    /** Whether this strategy runs the training loop (inference-only strategies evaluate the baseline weights). */
    public boolean trains() {
        return switch (this) {
            case BASELINE_12_LEAD, INFERENCE_WITH_MASKING -> false;
            case FINETUNE_WITH_MASKING, TRAIN_WITH_MASKING, REDUCED_CHANNELS -> true;
        };
    }

    /** Whether the weights start from (or are) the 12-lead baseline checkpoint. */
    public boolean startsFromBaseline() {
        return switch (this) {
            case BASELINE_12_LEAD, INFERENCE_WITH_MASKING, FINETUNE_WITH_MASKING -> true;
            case TRAIN_WITH_MASKING, REDUCED_CHANNELS -> false;
        };
    }

    /** How the training loop feeds {@code subset} to the model: zero-masked 12 channels, or only the subset. */
    public InputMode inputMode() {
        return this == REDUCED_CHANNELS ? InputMode.REDUCED : InputMode.MASKED;
    }

    /**
     * What the model sees of a 12-lead exam under this strategy (the baseline sees all 12 leads); its
     * {@link InputTransform#channels()} is the model's input channel count.
     */
    public InputTransform inputTransform(List<Lead> subset) {
        return this == BASELINE_12_LEAD ? InputTransform.allLeads() : inputMode().transform(subset);
    }

    /** Parses a command-line name ("reduced-channels", case-insensitive; underscores accepted). */
    public static Strategy parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(s -> s.cliName.equals(wanted)).findFirst()
                .orElseThrow(() -> new EcgLabException("unknown strategy '" + name + "'; use one of "
                        + Arrays.stream(values()).map(Strategy::cliName).toList()));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
