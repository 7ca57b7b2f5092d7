package org.ecgleadlab.subsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.train.TrainingListener;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which model the search scores: --data and --epochs are honoured (a model is trained), never silently ignored. */
class SubsetSearchModelChoiceTest {
    private static final TrainingListener SILENT = new TrainingListener() {
    };

    @TempDir
    Path temp;

    @Test
    void withoutDataOrEpochsTheShippedLeadDropoutModelIsUsed() {
        Path shipped = DefaultCheckpoint.leadDropout().orElseThrow();
        assertEquals(shipped, SubsetSearch.checkpoint(SubsetSearch.Options.defaults(), SILENT));
    }

    @Test
    void givenTrainingDataAModelIsTrainedOnItInsteadOfTheShippedOne() {
        Path missing = temp.resolve("no-such-training-folder");
        EcgLabException e = assertThrows(EcgLabException.class, () -> SubsetSearch.checkpoint(
                SubsetSearch.Options.defaults().withTrainingData(missing), SILENT));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage()); // training read it
    }

    @Test
    void aCheckpointWithDataOrEpochsIsRefusedInOneLine() {
        Path weights = temp.resolve("w.npz");
        EcgLabException data = assertThrows(EcgLabException.class, () -> SubsetSearch.Options.defaults()
                .withTrainingData(temp).withCheckpoint(weights));
        assertTrue(data.getMessage().startsWith("--checkpoint conflicts with --data"), data.getMessage());
        EcgLabException epochs = assertThrows(EcgLabException.class, () -> SubsetSearch.Options.defaults()
                .withEpochs(3).withCheckpoint(weights));
        assertTrue(epochs.getMessage().startsWith("--checkpoint conflicts with --epochs"), epochs.getMessage());
    }
}
