package org.ecgleadlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.RankLeadsCommand;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.synthetic.SyntheticConfig;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.data.synthetic.SyntheticDefaults;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job on a tiny synthetic test pool and a seeded random checkpoint. */
class RankLeadsTest {
    @TempDir
    static Path folder;
    static SyntheticDataset dataset;
    static Path weights;

    @BeforeAll
    static void tinyPoolAndModel() {
        Progress.setQuiet(true);
        dataset = SyntheticDefaults.ensureGenerated(folder.resolve("synthetic"),
                SyntheticConfig.defaults().withSizes(1, 4, 24, 12), false);
        weights = folder.resolve("model.npz");
        try (LgaEcgModel model = LgaEcgModel.create(Lead.COUNT, Device.cpu(), 5)) {
            model.saveStateDict(weights);
        }
    }

    private static int rank(Path output, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--data",
                dataset.codeTest() + "," + dataset.audit(), "--checkpoint", weights.toString(), "--exams", "3",
                "--device", "cpu", "-o", output.toString()));
        List<String> given = List.of(extra);
        int methods = given.indexOf("--methods");
        if (methods < 0 || given.get(methods + 1).contains("ig")) {
            args.addAll(List.of("--ig-steps", "2", "--ig-rule", "riemann-middle")); // refused when ig is left out
        }
        args.addAll(given);
        return Cli.run(new RankLeadsCommand(), args.toArray(String[]::new));
    }

    @Test
    void writesTheRankingTheAdaptationStepReadsAndTheSameSeedGivesTheSameRanking() throws Exception {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        assertEquals(0, rank(first, "--per-exam", "--bootstrap", "20"));
        assertEquals(0, rank(second, "--per-exam", "--bootstrap", "20"));

        RankingFile a = RankingFile.read(first.resolve(RankingFile.FILE_NAME));
        RankingFile b = RankingFile.read(second.resolve(RankingFile.FILE_NAME));
        assertEquals(Lead.COUNT, a.leadOrder().stream().distinct().count());
        assertEquals(RankedSubsets.top(a.leadOrder(), 3), a.subset(RankedSubsets.topName(3)));
        assertEquals(RankedSubsets.bottom(a.leadOrder(), 3), a.subset(RankedSubsets.BOTTOM_3));
        assertEquals(3, a.exams());
        assertEquals("rank-leads", a.provenance().command());
        assertEquals(7L, a.provenance().seed());

        assertEquals(a.order(), b.order());
        assertEquals(a.finalScores(), b.finalScores());
        assertEquals(a.rawScores(), b.rawScores());
        assertEquals(a.provenance().fingerprint(), b.provenance().fingerprint());

        for (String file : List.of("provenance.json", "test-halves.csv", "fused-ranking.csv", "matrix-output.csv",
                "matrix-loss.csv", "matrix-attention.csv", "matrix-ig.csv", "figure2-heatmaps.png",
                "figure2-heatmaps.svg", "figure3-lead-importance.png", "stability.csv", "method-agreement.csv",
                "stability.png", "run-summary.json", "per-exam-ranking.csv", "per-exam-summary.csv", "per-exam.png")) {
            assertTrue(Files.size(first.resolve(file)) > 0, file);
        }
        assertEquals(3 + 1, Files.readAllLines(first.resolve("per-exam-ranking.csv")).size());
    }

    @Test
    void aSubsetOfMethodsIsRankedOnItsOwn() {
        Path output = folder.resolve("other-seed");
        assertEquals(0, rank(output, "--seed", "8", "--methods", "output,loss", "--bootstrap", "0"));
        RankingFile result = RankingFile.read(output.resolve(RankingFile.FILE_NAME));
        assertEquals(List.of("Output Perturbation", "Loss Impact"), List.copyOf(result.rawScores().keySet()));
        assertEquals(8L, result.provenance().seed());
    }

    @Test
    void badInputIsAOneLineUserError() {
        assertEquals(Cli.USER_ERROR, rank(folder.resolve("bad"), "--methods", "saliency"));
        assertEquals(Cli.USER_ERROR, Cli.run(new RankLeadsCommand(), "--data", folder.resolve("missing").toString(),
                "--checkpoint", weights.toString()));
        assertThrows(EcgLabException.class, () -> RankingFile.read(folder.resolve("missing.json")));
    }

    @Test
    void rankingsAreComparedByTopThreeBottomThreeAndTheirLikeliestFirstLeads() {
        RankLeads.Outcome outcome = RankLeads.run(RankLeads.Options.defaults()
                .withData(List.of(dataset.codeTest(), dataset.audit())).withCheckpoint(weights).withExams(4)
                .withIgSteps(2).withIgRule(org.ecgleadlab.explain.ig.QuadratureRule.RIEMANN_MIDDLE)
                .withBootstrap(50).withDevice("cpu"));
        RankingComparison run = RankingComparison.of("tiny", outcome);
        assertEquals(outcome.result().subset("Top-3"), run.top3());
        assertEquals(outcome.result().subset("Bottom-3"), run.bottom3());
        assertEquals(4, run.exams());
        assertTrue(!run.firsts().isEmpty() && run.firsts().size() <= RankingComparison.FIRSTS_SHOWN, run.toString());
        for (int i = 1; i < run.firsts().size(); i++) {
            assertTrue(run.firsts().get(i - 1).share() >= run.firsts().get(i).share(), "most often first, first");
        }
        double shareOfFirst = outcome.stability().leads().stream()
                .filter(s -> s.lead() == run.firsts().get(0).lead()).findFirst().orElseThrow().probabilityTop1();
        assertEquals(shareOfFirst, run.firsts().get(0).share());

        RankingComparison paper = RankingComparison.published("paper", List.of(Lead.V1, Lead.I, Lead.II),
                List.of(Lead.III, Lead.AVL, Lead.AVF));
        var table = RankingComparison.table(List.of(run, paper));
        assertEquals(2, table.rowCount());
        assertEquals("V1, I, II", table.stringColumn("Top-3").get(1));
        assertEquals("-", table.stringColumn("exams").get(1));
        assertTrue(table.stringColumn("P(Top-1) over the bootstrap").get(0)
                .startsWith(run.firsts().get(0).lead().label() + " "), table.toString());
    }
}
