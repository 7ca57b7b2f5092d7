package org.ecgleadlab.explain;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Provenance;

/** ranking.json files written by tests, for commands that compare with a ranking without running rank-leads. */
public final class Rankings {
    private Rankings() {
    }

    /**
     * Writes a ranking of the 12 leads in {@code order}, with these final scores, its Top-1/2/3 the first leads and
     * its Bottom-3 the last three (split seed 1), to {@code file}.
     */
    public static Path write(Path file, List<String> order, Map<String, Double> finalScores) {
        Map<String, List<String>> subsets = new LinkedHashMap<>();
        subsets.put("Top-1", order.subList(0, 1));
        subsets.put("Top-2", order.subList(0, 2));
        subsets.put("Top-3", order.subList(0, 3));
        subsets.put("Bottom-3", order.subList(order.size() - 3, order.size()));
        new RankingFile(order, subsets, finalScores, Map.of(), Map.of(), List.of(), 0, 1,
                Provenance.builder("test").leads(List.of(Lead.values())).build()).write(file);
        return file;
    }
}
