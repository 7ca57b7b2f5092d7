package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Preprocessing;
import org.ecgleadlab.data.Splits;
import org.ecgleadlab.data.TracingReader;
import org.ecgleadlab.data.synthetic.SyntheticConfig;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.data.synthetic.SyntheticDefaults;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.train.Checkpoint;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integrated Gradients on the shipped checkpoint and synthetic exams. The path from the zero baseline crosses sharp
 * transitions (widths near 0.005 in α), so the completeness sum converges slowly; the per-lead importance the ranking
 * uses converges fast. Both facts are checked here; rank-leads prints the completeness error of every run.
 */
class DefaultModelCompletenessTest {
    private static final int FINE_STEPS = 32;

    @TempDir
    Path folder;

    @Test
    void leadImportanceIsSettledAtTheDefaultStepsAndCompletenessConvergesWithMoreSteps() {
        Assumptions.assumeTrue(Files.isRegularFile(ProjectPaths.root().resolve(DefaultCheckpoint.RELATIVE_PATH)
                .resolve(Checkpoint.MODEL_FILE)), "the shipped checkpoint is not there yet");
        SyntheticDataset data = SyntheticDefaults.ensureGenerated(folder.resolve("synthetic"),
                SyntheticConfig.defaults().withSizes(1, 4, 24, 12), false);
        List<ExamInfo> exams = ExamSelection.balanced(
                Splits.stratifiedHalves(CodeDataset.openTestPool(data.testPool()).exams(), 1).interpretability(), 4, 7);
        float[][] inputs = new float[exams.size()][];
        float[][] labels = new float[exams.size()][];
        try (TracingReader reader = new TracingReader()) {
            for (int e = 0; e < exams.size(); e++) {
                inputs[e] = Preprocessing.toModelInput(reader.read(exams.get(e)));
                labels[e] = exams.get(e).labels();
            }
        }
        List<Long> ids = exams.stream().map(ExamInfo::examId).toList();
        try (LgaEcgModel model = DefaultCheckpoint.open().loadModel(Device.cpu())) {
            IntegratedGradients.Result quick = attribute(model, RankLeads.DEFAULT_IG_STEPS, ids, inputs, labels);
            IntegratedGradients.Result fine = attribute(model, FINE_STEPS, ids, inputs, labels);
            double quickError = Completeness.of(quick.attributionSum(), quick.scoreDelta()).pooledRelativeError();
            double fineError = Completeness.of(fine.attributionSum(), fine.scoreDelta()).pooledRelativeError();
            System.out.printf("IG completeness on the shipped checkpoint: %.2f %% at %d steps, %.2f %% at %d%n",
                    100 * quickError, RankLeads.DEFAULT_IG_STEPS, 100 * fineError, FINE_STEPS);
            assertTrue(fineError < 0.1 && fineError < quickError / 4,
                    "completeness error " + fineError + " at " + FINE_STEPS + " steps, " + quickError + " at default");

            double[] quickShares = LeadRanking.normalise(average(quick).byLead());
            double[] fineShares = LeadRanking.normalise(average(fine).byLead());
            System.out.println("IG lead shares at default steps " + java.util.Arrays.toString(quickShares)
                    + ", at " + FINE_STEPS + " " + java.util.Arrays.toString(fineShares));
            for (int l = 0; l < quickShares.length; l++) {
                assertEquals(fineShares[l], quickShares[l], 0.02, "lead " + l + "'s share of IG importance");
            }
            assertEquals(LeadRanking.order(fineShares).subList(0, 3), LeadRanking.order(quickShares).subList(0, 3));
        }
    }

    private static IntegratedGradients.Result attribute(LgaEcgModel model, int steps, List<Long> ids,
                                                        float[][] inputs, float[][] labels) {
        return new IntegratedGradients(model, new IntegratedGradients.Config(steps, RankLeads.DEFAULT_IG_RULE,
                RankLeads.IG_ROWS)).attribute(ids, inputs, labels);
    }

    private static MethodImportance average(IntegratedGradients.Result result) {
        MethodScores scores = new MethodScores(ImportanceMethod.INTEGRATED_GRADIENTS);
        result.importance().forEach(scores::add);
        return scores.average();
    }
}
