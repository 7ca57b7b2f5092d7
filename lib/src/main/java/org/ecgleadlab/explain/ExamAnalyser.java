package org.ecgleadlab.explain;

import java.util.List;
import java.util.function.IntConsumer;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.train.Checkpoint;

/**
 * Where {@code rank-leads} scores its exams with the four methods: in this JVM ({@link #IN_THIS_JVM}) or spread over a
 * cluster's tasks (the Spark path), each running {@link LeadImportanceAnalysis#analyse} on a group of the same exams;
 * the shares come back joined in the order of {@code exams}.
 */
@FunctionalInterface
public interface ExamAnalyser {
    /** Scores {@code exams}, calling {@code examsDone} with the number of exams each time some are done. */
    AnalysisTally analyse(AnalysisRequest request, List<ExamInfo> exams, IntConsumer examsDone);

    /** Loads the model here and analyses every exam in this JVM. */
    ExamAnalyser IN_THIS_JVM = (request, exams, examsDone) -> {
        long start = System.nanoTime();
        try (LgaEcgModel model = Checkpoint.open(request.checkpointPath()).loadModel(Devices.parse(request.device()))) {
            long loading = System.nanoTime() - start;
            AnalysisTally tally = LeadImportanceAnalysis.analyse(model, request, exams, examsDone);
            tally.addModelLoading(loading);
            return tally;
        }
    };
}
