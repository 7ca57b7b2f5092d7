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
     * Writes a ranking of the 12 leads in {@code order}, with these final scores and the subsets that
     * {@link RankedSubsets} cuts from that order (split seed 1), to {@code file}.
     */
    public static Path write(Path file, List<String> order, Map<String, Double> finalScores) {
        Map<String, List<String>> subsets = new LinkedHashMap<>();
        RankedSubsets.of(order.stream().map(Lead::parse).toList())
                .forEach((name, leads) -> subsets.put(name, leads.stream().map(Lead::label).toList()));
        new RankingFile(order, subsets, finalScores, Map.of(), Map.of(), List.of(), 0, 1,
                Provenance.builder("test").leads(List.of(Lead.values())).build()).write(file);
        return file;
    }
}
