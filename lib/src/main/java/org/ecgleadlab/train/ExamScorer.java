package org.ecgleadlab.train;

import java.util.List;
import java.util.function.IntConsumer;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.model.LgaEcgModel;

/**
 * Where {@code predict} and {@code evaluate} score their exams: in this JVM ({@link #IN_THIS_JVM}) or spread over a
 * cluster's tasks (the Spark path), which call {@link Prediction#score} on groups of the same exams. Either way the
 * predictions come back in the order of {@code exams}.
 */
@FunctionalInterface
public interface ExamScorer {
    /**
     * Scores {@code exams}, calling {@code examsScored} with the number of exams each time some are done.
     */
    Predictions score(ScoringRequest request, List<ExamInfo> exams, IntConsumer examsScored);

    /** Loads the checkpoint here and scores every exam in this JVM. */
    ExamScorer IN_THIS_JVM = (request, exams, examsScored) -> {
        try (LgaEcgModel model = Checkpoint.open(request.checkpointPath()).loadModel(Devices.parse(request.device()))) {
            return Prediction.score(model, request, exams, examsScored);
        }
    };
}
