package org.ecgleadlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.InputTransform;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint shipped in {@code data/checkpoints/} loads, runs, and is described honestly in data/README.md. */
class DefaultCheckpointTest {
    @Test
    void theShippedTwelveLeadModelLoadsAndPredicts(@TempDir Path temp) {
        Checkpoint shipped = DefaultCheckpoint.open();
        CheckpointInfo info = shipped.info().orElseThrow();
        assertEquals(12, info.inputChannels());
        assertEquals(List.of(Lead.values()), shipped.leads());
        assertEquals(InputMode.MASKED, shipped.input());
        assertEquals(info.bestEpoch(), info.epoch(), "the shipped checkpoint is the run's best epoch");
        Path data = GeneratedData.tiny(temp, 8, 1, 1).code15();
        try (LgaEcgModel model = shipped.loadModel(Device.cpu())) {
            assertEquals(935_110, model.parameterCount());
            Scores scores = Prediction.onExams(model, CodeDataset.open(data).exams(), InputTransform.allLeads(), 4);
            assertEquals(8, scores.predictions().size());
        }
    }

    @Test
    void dataReadmeStatesTheShippedValidationMetrics() throws Exception {
        CheckpointInfo info = DefaultCheckpoint.open().info().orElseThrow();
        String readme = Files.readString(ProjectPaths.data().resolve("README.md")).replaceAll("\\s+", " ");
        EpochRecord best = info.history().get(info.bestEpoch() - 1);
        String f1 = String.format(Locale.ROOT, "%.4f", best.valMacroF1());
        String loss = String.format(Locale.ROOT, "%.4f", best.valLoss());
        assertTrue(readme.contains("validation macro F1 " + f1), "data/README.md should state macro F1 " + f1);
        assertTrue(readme.contains("validation loss " + loss), "data/README.md should state loss " + loss);
        String epochs = info.provenance().configuration().get("epochs");
        assertTrue(readme.contains("--epochs " + epochs), "data/README.md should give the command with --epochs " + epochs);
    }
}
