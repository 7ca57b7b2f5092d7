package org.ecgleadlab.subsets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.function.IntConsumer;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.util.EcgLabException;

/**
 * Masked inference of a 12-input model for many lead subsets at once: a batch of exams, each read and resampled once,
 * is turned into one masked copy per subset (the subset's channels copied, the others zero) and each subset's copies go
 * through the model as one eval-mode forward of the whole exam batch. A forward's rows are thus fixed by (subset, exam
 * batch) alone, so the probabilities are the same bit for bit however a search is split into chunks or resumed.
 */
final class MaskedInference {
    private final LgaEcgModel model;

    MaskedInference(LgaEcgModel model) {
        if (model.inChannels() != Lead.COUNT) {
            throw new EcgLabException("subset search needs a 12-input model (masked leads), but the checkpoint takes "
                    + model.inChannels() + " channels; train one with: jbang train --lead-dropout");
        }
        this.model = model;
    }

    /**
     * Probabilities {@code [set][exam of the batch][condition]} of every exam of {@code batch} (12-channel inputs) seen
     * through every set of {@code sets}; {@code rowsDone} hears of each forward's row count.
     */
    float[][][] run(Batch batch, List<LeadSet> sets, IntConsumer rowsDone) {
        int exams = batch.size();
        int perExam = batch.inputs().length / exams;
        int length = perExam / Lead.COUNT;
        float[][][] probabilities = new float[sets.size()][exams][Condition.COUNT];
        for (int s = 0; s < sets.size(); s++) {
            int mask = sets.get(s).mask();
            float[] input = new float[exams * perExam];
            for (int e = 0; e < exams; e++) {
                for (int lead = 0; lead < Lead.COUNT; lead++) {
                    if ((mask & (1 << lead)) != 0) {
                        int offset = e * perExam + lead * length;
                        System.arraycopy(batch.inputs(), offset, input, offset, length);
                    }
                }
            }
            try (NDManager scope = model.manager().newSubManager()) {
                NDArray x = scope.create(input, new Shape(exams, Lead.COUNT, length));
                float[] logits = model.predict(x).head().toType(DataType.FLOAT32, false).toFloatArray();
                for (int e = 0; e < exams; e++) {
                    for (int c = 0; c < Condition.COUNT; c++) {
                        probabilities[s][e][c] = (float) (1 / (1 + Math.exp(-logits[e * Condition.COUNT + c])));
                    }
                }
            }
            rowsDone.accept(exams);
        }
        return probabilities;
    }
}
