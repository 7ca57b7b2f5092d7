package org.ecgleadlab.subsets;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.Batches;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.ZeroExamPolicy;
import org.ecgleadlab.model.LgaEcgModel;

/**
 * What the masked inference of a search needs besides the subsets: the model's weights, the evaluation exams in the
 * search's order, the batch size and the device. {@link #score} runs one group of subsets over every exam, the unit a
 * {@link SubsetSearchRunner} runs in this JVM or sends to a cluster's task.
 *
 * @param modelFile the lead-dropout model's weights ({@code model.npz}), as an absolute path
 * @param exams     the evaluation exams, in the search's order
 * @param batchSize exams per forward
 * @param device    auto, cpu, gpu or gpu:N
 */
public record MaskedRequest(String modelFile, List<ExamInfo> exams, int batchSize, String device) {
    public MaskedRequest {
        exams = List.copyOf(exams);
    }

    public Path modelPath() {
        return Path.of(modelFile);
    }

    /**
     * Probabilities {@code [set][exam][condition]} of every exam seen through every set of {@code sets}: the exams are
     * read and resampled once, in batches of {@link #batchSize} in the search's order, and each set's masked copy of
     * a batch is one forward, so a probability depends on (set, exam batch) alone, however the sets are grouped.
     * {@code rowsDone} hears each forward's row count.
     */
    public float[][][] score(LgaEcgModel model, List<LeadSet> sets, IntConsumer rowsDone) {
        MaskedInference inference = new MaskedInference(model);
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < exams.size(); i++) {
            index.put(exams.get(i).examId(), i);
        }
        float[][][] probabilities = new float[sets.size()][exams.size()][];
        Batches batches = Batches.builder(exams, batchSize).zeroExams(ZeroExamPolicy.KEEP).build();
        try (Batches.Stream stream = batches.epoch(0)) {
            while (stream.hasNext()) {
                Batch batch = stream.next();
                float[][][] part = inference.run(batch, sets, rowsDone);
                for (int e = 0; e < batch.size(); e++) {
                    int exam = index.get(batch.examIds()[e]);
                    for (int s = 0; s < sets.size(); s++) {
                        probabilities[s][exam] = part[s][e];
                    }
                }
            }
        }
        return probabilities;
    }
}
