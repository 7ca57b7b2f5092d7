package org.ecgleadlab.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What a finished {@link TrainingRun} leaves.
 *
 * @param runFolder       the run's output folder
 * @param bestCheckpoint  checkpoint folder of the epoch with the lowest validation loss
 * @param bestEpoch       that epoch (1-based)
 * @param bestValLoss     its validation loss
 * @param history         one record per epoch, in order
 */
public record TrainingResult(Path runFolder, Path bestCheckpoint, int bestEpoch, double bestValLoss,
                             List<EpochRecord> history) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    /** The best epoch's record. */
    public EpochRecord best() {
        return history.get(bestEpoch - 1);
    }
}
