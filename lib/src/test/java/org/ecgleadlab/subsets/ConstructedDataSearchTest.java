package org.ecgleadlab.subsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.explain.Rankings;
import org.ecgleadlab.train.TrainConfig;
import org.ecgleadlab.train.TrainingResult;
import org.ecgleadlab.train.TrainingRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole search on data where the truth is known: only leads I and V1 carry the labels ({@link TwoLeadData}). A
 * lead-dropout LGA-ECG is trained on it through the training loop (200 exams, 8 epochs), then the real search (masked inference, bootstrap,
 * analysis, report, resume) must find I or V1 as the best single lead and I + V1 as the best pair.
 */
class ConstructedDataSearchTest {
    @TempDir
    static Path temp;
    static Path model;
    static Path pool;

    @BeforeAll
    static void trainALeadDropoutModelOnTwoLeadData() {
        Path training = TwoLeadData.write(temp.resolve("train"), 200, 1, 1);
        pool = TwoLeadData.write(temp.resolve("pool"), 80, 100_000, 2);
        TrainConfig config = TrainConfig.builder().data(training).leadDropout(true, 0).epochs(8).batchSize(8)
                .device("cpu").output(temp.resolve("run")).build();
        TrainingResult result = TrainingRun.run(config);
        model = result.bestCheckpoint();
    }

    @Test
    void theBestSingleLeadIsIOrV1AndTheBestPairIsIAndV1AndTheSearchResumes() throws Exception {
        Path ranking = truthRanking(temp.resolve("ranking.json"));
        Path out = temp.resolve("search");
        SubsetSearch.Options options = SubsetSearch.Options.defaults().withTestData(List.of(pool)).withCheckpoint(model)
                .withRanking(ranking).withMaxSize(2).withBootstrap(200).withDevice("cpu").withOutput(out);
        SubsetSearch.Outcome outcome = SubsetSearch.run(options, org.ecgleadlab.train.TrainingListener.NONE);
        SubsetSummary summary = SubsetReport.write(outcome, out);

        assertEquals(12 + 66, outcome.exhaustive().size());
        assertTrue(outcome.leadDropoutModel());
        SubsetSummary.Best single = summary.bestBySize().get(0);
        SubsetSummary.Best pair = summary.bestBySize().get(1);
        assertTrue(single.leads().equals("I") || single.leads().equals("V1"), "best single lead: " + single);
        assertEquals("I+V1", pair.leads(), "best pair: " + pair);
        assertTrue(pair.macroF1() > single.macroF1() + 0.1, "the second informative lead adds its class: " + pair);
        assertTrue(Boolean.TRUE.equals(summary.bestPairIsTop2()));
        SubsetSummary.Position top2 = summary.rankingStandings().stream().filter(p -> p.name().equals("Top-2"))
                .findFirst().orElseThrow();
        assertEquals(1, top2.rank());
        assertEquals(100.0, top2.percentile());
        SubsetSummary.Position bottom = summary.rankingStandings().stream().filter(p -> p.name().equals("Bottom-3"))
                .findFirst().orElseThrow();
        assertEquals(0, bottom.rank(), "size 3 was not searched, yet Bottom-3 is scored");
        assertTrue(bottom.macroF1() < 0.1, "leads without information: " + bottom.macroF1());
        assertTrue(summary.correlations().get(1).spearman() > 0.5, "importance predicts F1: " + summary.correlations());

        List<String> csv = Files.readAllLines(out.resolve(SubsetReport.CSV_FILE));
        assertTrue(csv.get(0).startsWith("leads,size,kind,name,macro_f1,macro_f1_lower,macro_f1_upper,macro_auc"));
        assertEquals(1 + 78 + DeviceSet.values().length + 2, csv.size(),
                "header, exhaustive and device rows, and Top-3 and Bottom-3 (size 3 was not searched)");
        assertTrue(Files.size(out.resolve(SubsetReport.FIGURE_FILE + ".png")) > 10_000);

        SubsetSearch.Outcome again = SubsetSearch.run(options, org.ecgleadlab.train.TrainingListener.NONE);
        assertEquals(0, again.computedSets(), "a second run reuses every saved subset");
        assertEquals(SubsetSummary.of(outcome).bestBySize(), SubsetSummary.of(again).bestBySize());
    }

    /** The ranking the data implies: I and V1 first, Bottom-3 three uninformative leads. */
    private static Path truthRanking(Path file) {
        List<String> order = List.of("I", "V1", "II", "III", "aVR", "aVL", "aVF", "V2", "V3", "V4", "V5", "V6");
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            scores.put(order.get(i), i < 2 ? 0.4 : 0.02);
        }
        return Rankings.write(file, order, scores);
    }
}
