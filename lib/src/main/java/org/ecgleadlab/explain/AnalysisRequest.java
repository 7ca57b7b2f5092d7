package org.ecgleadlab.explain;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.explain.exam.PassMemory;
import org.ecgleadlab.explain.ig.QuadratureRule;

/**
 * What the lead-importance analysis of a group of exams needs besides the exams. Serializable (the checkpoint as a
 * path string) so that it travels to a cluster's tasks, which each run {@link LeadImportanceAnalysis#analyse(
 * org.ecgleadlab.model.LgaEcgModel, AnalysisRequest, List, java.util.function.IntConsumer)} on their group.
 *
 * @param checkpoint checkpoint folder, run folder or {@code .npz} of a 12-lead model
 * @param methods    the methods to run
 * @param igSteps    Integrated Gradients steps
 * @param igRule     where IG evaluates gradients
 * @param batchSize  exams per batch
 * @param device     auto, cpu, gpu or gpu:N
 * @param memoryBytes the memory budget of one model pass ({@link PassMemory}), as the driver set it
 */
public record AnalysisRequest(String checkpoint, List<ImportanceMethod> methods, int igSteps, QuadratureRule igRule,
                              int batchSize, String device, long memoryBytes) implements Serializable {
    public AnalysisRequest {
        methods = List.copyOf(methods);
    }

    public Path checkpointPath() {
        return Path.of(checkpoint);
    }

    /** The analysis' configuration under rank-leads' memory budget. */
    public LeadImportanceAnalysis.Config config() {
        return LeadImportanceAnalysis.Config.of(methods, igSteps, igRule, new PassMemory(memoryBytes));
    }
}
