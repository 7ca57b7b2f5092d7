package org.ecgleadlab.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.train.TrainingListener;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeGridTest {
    @Test
    void takesTheSubsetsOfTheRankingElseThePapers(@TempDir Path dir) {
        assertEquals(List.of(new LeadSubset("Top-1", PaperResults.TOP_1), new LeadSubset("Top-2", PaperResults.TOP_2),
                new LeadSubset("Top-3", PaperResults.TOP_3), new LeadSubset("Bottom-3", PaperResults.BOTTOM_3)),
                LeadSubset.rankedOrPaper(null));

        List<String> order = List.of("II", "V1", "V2", "I", "III", "aVR", "aVL", "aVF", "V3", "V4", "V5", "V6");
        RankingFile ranked = new RankingFile(order, Map.of("Top-1", List.of("II"), "Top-2", List.of("II", "V1"),
                "Top-3", List.of("II", "V1", "V2"), "Bottom-3", List.of("V4", "V5", "V6")), Map.of(), Map.of(),
                Map.of(), List.of(), 32, 1, Provenance.builder("rank-leads").build());
        ranked.write(dir.resolve(RankingFile.FILE_NAME));
        List<LeadSubset> subsets = LeadSubset.rankedOrPaper(RankingFile.read(dir.resolve(RankingFile.FILE_NAME)));
        assertEquals(List.of(Lead.II, Lead.V1), subsets.get(1).leads());
        assertEquals(List.of(Lead.V4, Lead.V5, Lead.V6), subsets.get(3).leads());
        assertEquals("Bottom-3", subsets.get(3).name());
    }

    @Test
    void optionsStartFromTheNotebooksPlacesAndChangeOneByName() {
        SmokeGrid.Options defaults = SmokeGrid.Options.defaults();
        Path notebookRuns = ProjectPaths.runs().resolve("notebooks");
        assertEquals("auto", defaults.device());
        assertNull(defaults.checkpoint());
        assertEquals(ProjectPaths.runs().resolve("rank-leads").resolve(RankingFile.FILE_NAME), defaults.ranking());
        assertEquals(notebookRuns.resolve("smoke-grid"), defaults.runs());
        assertEquals(notebookRuns.resolve("smoke-tables"), defaults.output());

        SmokeGrid.Options changed = defaults.withDevice("cpu").withCheckpoint(Path.of("baseline.npz"))
                .withRanking(null).withFolders(Path.of("r"), Path.of("o")).withListener(TrainingListener.NONE);
        assertEquals(new SmokeGrid.Options("cpu", Path.of("baseline.npz"), null, Path.of("r"), Path.of("o"),
                TrainingListener.NONE), changed);
    }
}
