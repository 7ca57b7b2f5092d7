package org.ecgleadlab.subsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ecgleadlab.metrics.Bootstrap;
import org.ecgleadlab.metrics.RocCurve;
import org.junit.jupiter.api.Test;

class RocAucTest {
    private static final boolean[] LABELS = {false, false, true, true, false, true, false, true, true, false};
    private static final float[] SCORES = {0.1f, 0.4f, 0.35f, 0.8f, 0.4f, 0.4f, 0.2f, 0.9f, 0.05f, 0.6f};

    @Test
    void matchesScikitLearnWithTiesAndSampleWeights() {
        // sklearn.metrics.roc_auc_score(y, s) and roc_auc_score(y, s, sample_weight=w) on these values (sklearn 1.2).
        RocAuc auc = new RocAuc(SCORES, LABELS);
        assertEquals(0.6, auc.auc(), 1e-12);
        assertEquals(0.7125, auc.auc(new long[] {1, 2, 0, 1, 3, 1, 1, 2, 1, 1}), 1e-12);
        double[] scores = new double[SCORES.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = SCORES[i];
        }
        assertEquals(org.ecgleadlab.metrics.RocCurve.of(scores, LABELS).auc(), auc.auc(), 1e-12,
                "the same as the metrics package's ROC curve");
    }

    @Test
    void perfectReversedAndOneClassScores() {
        boolean[] labels = {false, false, true, true};
        assertEquals(1.0, new RocAuc(new float[] {0.1f, 0.2f, 0.8f, 0.9f}, labels).auc());
        assertEquals(0.0, new RocAuc(new float[] {0.9f, 0.8f, 0.2f, 0.1f}, labels).auc());
        assertEquals(0.5, new RocAuc(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, labels).auc());
        assertTrue(Double.isNaN(new RocAuc(new float[] {0.1f, 0.2f}, new boolean[] {true, true}).auc()));
        assertTrue(Double.isNaN(new RocAuc(SCORES, LABELS).auc(new long[] {0, 0, 1, 1, 0, 1, 0, 1, 1, 0})),
                "a resample without negative exams has no AUC");
    }

    @Test
    void agreesWithTheMetricsRocCurveOnWeightedResamplesWithTiesUpToRounding() {
        SplittableRandom random = new SplittableRandom(7);
        int[] lastBitApart = new int[1];
        for (int trial = 0; trial < 40; trial++) {
            int n = 60 + random.nextInt(240);
            float[] scores = new float[n];
            boolean[] labels = new boolean[n];
            double prevalence = random.nextDouble(0.02, 0.4);
            for (int i = 0; i < n; i++) {
                labels[i] = random.nextDouble() < prevalence;
                double logit = (labels[i] ? 1.5 : -1.5) + random.nextDouble(-3, 3);
                scores[i] = (float) (1 / (1 + Math.exp(random.nextInt(4) == 0 ? -Math.rint(logit) : -logit)));
            }
            RocAuc auc = new RocAuc(scores, labels);
            new Bootstrap(25, trial).forEachResample(n, (b, weights) -> {
                List<Double> drawnScores = new ArrayList<>();
                List<Boolean> drawnLabels = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    for (long k = 0; k < weights[i]; k++) {
                        drawnScores.add((double) scores[i]);
                        drawnLabels.add(labels[i]);
                    }
                }
                boolean[] drawn = new boolean[drawnLabels.size()];
                for (int i = 0; i < drawn.length; i++) {
                    drawn[i] = drawnLabels.get(i);
                }
                double curve = RocCurve.of(drawnScores.stream().mapToDouble(Double::doubleValue).toArray(), drawn).auc();
                double pass = auc.auc(weights);
                assertEquals(Double.isNaN(curve), Double.isNaN(pass), "both undefined or neither");
                if (!Double.isNaN(curve)) {
                    assertEquals(curve, pass, 1e-15, "the same area up to the last bits");
                    lastBitApart[0] += curve == pass ? 0 : 1;
                }
            });
        }
        assertTrue(lastBitApart[0] > 0, "the two roundings differ on some resamples, so RocCurve cannot replace this"
                + " pass without changing the search's intervals");
    }
}
