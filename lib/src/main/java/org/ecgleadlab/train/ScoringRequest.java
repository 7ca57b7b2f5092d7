package org.ecgleadlab.train;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.Lead;

/**
 * What a prediction over exams needs besides the exams: the weights, the leads and how they reach the model, the
 * batch size and the device. Serializable (the checkpoint as a path string) so that it travels to the tasks of a
 * cluster, which score their own group of exams with {@link Prediction#score}.
 *
 * @param checkpoint checkpoint folder, run folder or {@code .npz}, as {@link Checkpoint#open} takes it
 * @param leads      the leads fed to the model
 * @param input      masked or reduced input
 * @param batchSize  exams per forward pass
 * @param device     auto, cpu, gpu or gpu:N
 */
public record ScoringRequest(String checkpoint, List<Lead> leads, InputMode input, int batchSize, String device)
        implements Serializable {
    public ScoringRequest {
        leads = List.copyOf(leads);
    }

    public static ScoringRequest of(Path checkpoint, List<Lead> leads, InputMode input, int batchSize, String device) {
        return new ScoringRequest(checkpoint.toAbsolutePath().normalize().toString(), leads, input, batchSize, device);
    }

    public Path checkpointPath() {
        return Path.of(checkpoint);
    }
}
