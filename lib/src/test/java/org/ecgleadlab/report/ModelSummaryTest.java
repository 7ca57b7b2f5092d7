package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import java.util.List;
import org.ecgleadlab.model.LgaEcgModel;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ModelSummaryTest {
    @Test
    void twelveLeadModelHasThePapersStagesShapesAndParameterCount() {
        try (LgaEcgModel model = LgaEcgModel.create(12, Device.cpu(), 1)) {
            ModelSummary summary = ModelSummary.of(model);
            assertEquals(935_110, summary.totalParameters());
            assertEquals(model.parameterCount(), summary.totalParameters());
            List<ModelSummary.Stage> stages = summary.stages();
            assertEquals(7, stages.size());
            assertEquals("frontend", stages.get(0).name());
            assertEquals("(1, 64, 320)", stages.get(0).outputShape());
            assertEquals("11 Conv1d · 9 BatchNorm1d", stages.get(0).layers());
            assertEquals("(1, 8, 160, 320)", stages.get(1).attentionShape());
            assertEquals("(1, 160, 64)", stages.get(1).outputShape());
            assertEquals("(1, 10, 64)", stages.get(5).outputShape());
            assertEquals("3 LayerNorm · 4 Conv1d · 2 Linear", stages.get(3).layers());
            assertEquals("(1, 6)", stages.get(6).outputShape());
            Table table = summary.table();
            assertEquals(8, table.rowCount());
            assertEquals(935_110, table.intColumn("Parameters").getInt(7));
            // Block 0: Q, K, V (64·64·3 each), three LayerNorms, res_conv (1×1 with bias), MLP 64 -> 128 -> 64.
            ModelSummary.Stage block0 = stages.get(1);
            long attention = 3 * 64 * 64 * 3;
            long norms = 3 * 2 * 64;
            long residual = 64 * 64 + 64;
            long mlp = 64 * 128 + 128 + 128 * 64 + 64;
            assertEquals(attention + norms + residual + mlp, block0.parameters());
        }
    }

    @Test
    void twoLeadModelCountsFewerFrontEndParameters() {
        try (LgaEcgModel model = LgaEcgModel.create(2, Device.cpu(), 1)) {
            ModelSummary summary = ModelSummary.of(model);
            assertEquals(930_630, summary.totalParameters());
            assertEquals(2, summary.inChannels());
            Figure.of(summary.parameterChart()).image();
        }
    }
}
