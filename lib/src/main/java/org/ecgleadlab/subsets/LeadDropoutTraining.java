package org.ecgleadlab.subsets;

import java.io.Serializable;
import java.nio.file.Path;
import org.ecgleadlab.train.TrainConfig;
import org.ecgleadlab.train.TrainingListener;
import org.ecgleadlab.train.TrainingRun;

/**
 * The lead-dropout model a search trains for itself when asked ({@code --data}, {@code --epochs}): what the training
 * loop needs, with its paths as absolute text so that it travels to a cluster's task (a {@link Path} does not
 * serialize). The run resumes from the last epoch checkpoint already in {@code output}, so a re-run ends with the
 * weights of an uninterrupted one.
 *
 * @param data   the CODE-15%-format training folder
 * @param epochs epochs to train
 * @param seed   seed of every random draw of the training
 * @param device auto, cpu, gpu or gpu:N
 * @param output the run folder ({@code runs/train-12-lead-dropout})
 */
public record LeadDropoutTraining(String data, int epochs, long seed, String device, String output)
        implements Serializable {

    /** The training of {@code data} for {@code epochs} with {@code seed}, into the default lead-dropout run folder. */
    public static LeadDropoutTraining of(Path data, int epochs, long seed, String device) {
        TrainConfig config = TrainConfig.builder().data(data).leadDropout(true, 0).epochs(epochs).seed(seed)
                .device(device).resume(true).build();
        return new LeadDropoutTraining(absolute(data), epochs, seed, device, absolute(config.output()));
    }

    /** The same training on another device (a cluster task's own GPU); the device is not part of a run's identity. */
    public LeadDropoutTraining onDevice(String other) {
        return new LeadDropoutTraining(data, epochs, seed, other, output);
    }

    /** The training loop's configuration: lead dropout on, resume on. */
    public TrainConfig config() {
        return TrainConfig.builder().data(Path.of(data)).leadDropout(true, 0).epochs(epochs).seed(seed)
                .device(device).resume(true).output(Path.of(output)).build();
    }

    /** Trains (or resumes, or finds finished) through the one training loop; returns the best checkpoint. */
    public Path run(TrainingListener listener) {
        return TrainingRun.run(config(), listener).bestCheckpoint();
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
