package org.ecgleadlab.subsets;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.train.TrainingListener;

/**
 * Where the two heavy parts of a subset search run: the training of its lead-dropout model (when asked) and the masked
 * inference of its subsets. {@link #IN_THIS_JVM} runs both here (the single-JVM command); the Spark path trains in one
 * task and spreads the groups of subsets over tasks. Everything else (the test pool, the saved predictions, the
 * bootstrap, the analysis, the report) is {@link SubsetSearch}'s, the same whoever ran the model.
 */
public interface SubsetSearchRunner {
    /** Trains and infers in this JVM: one model loaded once, each group saved as soon as it is done. */
    SubsetSearchRunner IN_THIS_JVM = new SubsetSearchRunner() {
        @Override
        public Path train(LeadDropoutTraining training, TrainingListener listener) {
            return training.run(listener);
        }

        @Override
        public void infer(MaskedRequest request, List<List<LeadSet>> groups, GroupDone done, IntConsumer rowsDone) {
            try (LgaEcgModel model = LgaEcgModel.load(request.modelPath(), Devices.parse(request.device()))) {
                for (List<LeadSet> group : groups) {
                    done.accept(group, request.score(model, group, rowsDone));
                }
            }
        }
    };

    /** Trains (or resumes) {@code training} and returns the best checkpoint, a path this JVM can read. */
    Path train(LeadDropoutTraining training, TrainingListener listener);

    /**
     * Runs {@code request} for every group of {@code groups}; {@code done} hears each group with its probabilities
     * {@code [set][exam][condition]} (in group order), {@code rowsDone} the forward rows as they finish. A runner may
     * cut a group into smaller ones: a probability depends on (set, exam batch) alone.
     */
    void infer(MaskedRequest request, List<List<LeadSet>> groups, GroupDone done, IntConsumer rowsDone);

    /** Hears a finished group of subsets. */
    @FunctionalInterface
    interface GroupDone {
        void accept(List<LeadSet> sets, float[][][] probabilities);
    }
}
