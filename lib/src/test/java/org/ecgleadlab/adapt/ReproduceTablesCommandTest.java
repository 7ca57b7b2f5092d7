package org.ecgleadlab.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.ReproduceTablesCommand;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.report.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command refuses inputs that would break the protocol, in one line and before any work. */
class ReproduceTablesCommandTest {
    private static String run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(Cli.USER_ERROR, Cli.run(new ReproduceTablesCommand(), args));
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void missingRankingSaysHowToMakeOne(@TempDir Path dir) {
        String message = run("--ranking", dir.resolve("ranking.json").toString());
        assertTrue(message.contains("rank-leads") && message.contains("--paper-subsets"), message);
    }

    @Test
    void splitSeedMustMatchTheRankings(@TempDir Path dir) {
        Map<String, List<String>> subsets = new LinkedHashMap<>();
        subsets.put("Top-1", List.of("V1"));
        subsets.put("Top-2", List.of("V1", "I"));
        subsets.put("Top-3", List.of("V1", "I", "II"));
        subsets.put("Bottom-3", List.of("III", "aVL", "aVF"));
        List<String> order = List.of(Lead.values()).stream().map(Lead::label).toList();
        Path file = dir.resolve("ranking.json");
        new RankingFile(order, subsets, Map.of(), Map.of(), Map.of(), List.of(), 10, 5,
                Provenance.builder("rank-leads").build()).write(file);
        String message = run("--ranking", file.toString(), "--split-seed", "6");
        assertTrue(message.contains("--split-seed 6 differs from the split seed 5"), message);
    }
}
