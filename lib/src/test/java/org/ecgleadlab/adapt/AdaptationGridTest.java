package org.ecgleadlab.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdaptationGridTest {
    private static final List<LeadSubset> TOP = List.of(new LeadSubset("Top-1", PaperResults.TOP_1),
            new LeadSubset("Top-2", PaperResults.TOP_2), new LeadSubset("Top-3", PaperResults.TOP_3));
    private static final LeadSubset BOTTOM = new LeadSubset("Bottom-3", PaperResults.BOTTOM_3);

    /** Records which runs it executed; writes a predictions file like the real executor. */
    private static final class CountingExecutor implements AdaptationGrid.RunExecutor {
        final List<String> executed = new ArrayList<>();

        @Override
        public Map<String, Object> execute(RunSpec spec, Path folder) {
            executed.add(spec.folderName());
            try {
                Files.writeString(folder.resolve(RunStore.PREDICTIONS_FILE), "exam_id\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("checkpoint", "none");
        }
    }

    private static List<RunSpec> specs(long seed) {
        return AdaptationGrid.plan(TOP, BOTTOM).stream()
                .map(c -> new RunSpec("train", "t", "test", "p", c.subset(), c.strategy(), AdaptationProfile.QUICK,
                        1, seed, "base", "b"))
                .toList();
    }

    @Test
    void planHasThePapersCells() {
        List<AdaptationGrid.Cell> cells = AdaptationGrid.plan(TOP, BOTTOM);
        assertEquals(1 + 3 * 4 + 1, cells.size());
        assertEquals(Strategy.BASELINE_12_LEAD, cells.get(0).strategy());
        assertEquals(10, cells.stream().filter(c -> c.strategy().trains()).count(), "9 adapted models + Bottom-3");
        assertEquals(new AdaptationGrid.Cell(BOTTOM, Strategy.REDUCED_CHANNELS), cells.get(cells.size() - 1));
    }

    @Test
    void finishedRunsAreReusedAndAnInterruptedGridResumes(@TempDir Path dir) throws IOException {
        RunStore store = new RunStore(dir);
        CountingExecutor first = new CountingExecutor();
        List<AdaptationGrid.CellResult> results = AdaptationGrid.run(specs(1), store, first);
        assertEquals(14, first.executed.size());
        assertTrue(results.stream().noneMatch(AdaptationGrid.CellResult::reused));

        // Simulate a kill during one run: its run file never got written.
        RunSpec interrupted = specs(1).get(5);
        Files.delete(store.folder(interrupted).resolve(RunStore.RUN_FILE));
        CountingExecutor second = new CountingExecutor();
        results = AdaptationGrid.run(specs(1), store, second);
        assertEquals(List.of(interrupted.folderName()), second.executed);
        assertEquals(13, results.stream().filter(AdaptationGrid.CellResult::reused).count());

        // Another seed changes every trained run's key; inference runs and the baseline do not depend on it.
        CountingExecutor third = new CountingExecutor();
        AdaptationGrid.run(specs(2), store, third);
        assertEquals(10, third.executed.size());
        assertFalse(third.executed.stream().anyMatch(n -> n.contains("inference-masking") || n.contains("baseline")));
    }
}
