package org.ecgleadlab.train;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * The provenance written beside the weights of every checkpoint ({@code checkpoint.json}): what was trained,
 * on what, how far, and what the run looked like up to here, so a checkpoint can be traced, resumed and used
 * with the right inputs.
 *
 * @param format         layout version of the checkpoint folder
 * @param epoch          epochs completed (1-based)
 * @param step           optimizer steps taken
 * @param inputChannels  model input channels
 * @param leads          the leads the model sees, "V1,I"
 * @param input          "masked" or "reduced"
 * @param strategy       the adaptation strategy label ("train" for a plain run)
 * @param data           absolute path of the training folder
 * @param splitSeed      seed of the patient-level split
 * @param seed           seed of initialisation, shuffling and dropout
 * @param bestEpoch      the epoch with the lowest validation loss so far
 * @param bestValLoss    that loss
 * @param config         {@link TrainConfig#trainingFields()} of the run
 * @param provenance     who and where: software revision, Java, DJL engine, device, time
 * @param history        every completed epoch up to this one
 */
public record CheckpointInfo(int format, int epoch, long step, int inputChannels, String leads, String input,
                             String strategy, String data, long splitSeed, long seed, int bestEpoch,
                             double bestValLoss, JsonObject config, JsonObject provenance,
                             List<EpochRecord> history) {
    /** The current {@link #format} number. */
    public static final int FORMAT = 1;

    /** This epoch's record. */
    public EpochRecord last() {
        return history.get(history.size() - 1);
    }
}
