package org.ecgleadlab.train;

import java.util.List;
import org.ecgleadlab.report.Provenance;

/**
 * What is written beside the weights of every checkpoint ({@code checkpoint.json}): how to feed the model,
 * how far training got, and the provenance of the run (data, seeds, leads, strategy, every option, git
 * revision), so a checkpoint can be traced, resumed and used with the right inputs.
 *
 * @param format         layout version of the checkpoint folder
 * @param epoch          epochs completed (1-based)
 * @param step           optimizer steps taken
 * @param inputChannels  model input channels
 * @param leads          the leads the model sees, "V1,I"
 * @param input          "masked" or "reduced"
 * @param bestEpoch      the epoch with the lowest validation loss so far
 * @param bestValLoss    that loss
 * @param provenance     command "train"; its configuration is {@link TrainConfig#trainingFields()}
 * @param history        every completed epoch up to this one
 */
public record CheckpointInfo(int format, int epoch, long step, int inputChannels, String leads, String input,
                             int bestEpoch, double bestValLoss, Provenance provenance, List<EpochRecord> history) {
    /** The current {@link #format} number. */
    public static final int FORMAT = 1;

    /** This epoch's record. */
    public EpochRecord last() {
        return history.get(history.size() - 1);
    }
}
