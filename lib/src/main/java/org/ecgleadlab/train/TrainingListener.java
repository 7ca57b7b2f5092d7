package org.ecgleadlab.train;

/**
 * Hears what a {@link TrainingRun} does, for progress bars and logs; the run itself prints nothing. Every
 * method has an empty default. An exception thrown here stops the run like a crash: the last completed
 * epoch's checkpoint stays, and {@code --resume} continues from it.
 */
public interface TrainingListener {
    /** Listens to nothing. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** Before the first epoch this process trains ({@code firstEpoch} > 1 when resuming). */
    default void runStarted(TrainConfig config, int firstEpoch, int trainExams, int validationExams) {
    }

    /** At the start of an epoch of {@code batches} optimizer steps. */
    default void epochStarted(int epoch, int epochs, long batches) {
    }

    /** After each optimizer step, with the batch's mean loss and the learning rate it used. */
    default void batchFinished(int epoch, long batch, int exams, double loss, double learningRate) {
    }

    /** After validation and the checkpoint of an epoch; {@code best} when it has the lowest validation loss so far. */
    default void epochFinished(EpochRecord record, boolean best) {
    }
}
