package org.ecgleadlab.explain;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Json;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.util.EcgLabException;

/**
 * What {@code rank-leads} hands to the adaptation step and subset search, written as {@value #FILE_NAME} (the last
 * stage of the score chain; its field names are the file's keys, so files written earlier still read): the fused lead
 * order, the {@link RankedSubsets} the paper adapts to (Top-1, Top-2, Top-3 and the ablation's Bottom-3), every
 * method's scores, the exams it rests on and the provenance. Lead names are written as clinicians write them ("aVR").
 *
 * @param order            the 12 leads, most important first
 * @param subsets          "Top-1", "Top-2", "Top-3", "Bottom-3" → lead names
 * @param finalScores      lead → FinalScore, in rank order
 * @param normalisedScores method title → lead → normalised share (negative raw scores clipped to 0)
 * @param rawScores        method title → lead → raw averaged score
 * @param uninformative    titles of methods that found no lead with a positive score
 * @param exams            number of exams averaged
 * @param splitSeed        seed of the test pool's interpretability/evaluation halves (the adaptation step must evaluate
 *                         on the other half, made with the same seed)
 * @param provenance       data, checkpoint, seed, git revision and every option
 */
public record RankingFile(List<String> order, Map<String, List<String>> subsets, Map<String, Double> finalScores,
                          Map<String, Map<String, Double>> normalisedScores,
                          Map<String, Map<String, Double>> rawScores, List<String> uninformative, int exams,
                          long splitSeed, Provenance provenance) {
    /** The file name inside a rank-leads output folder. */
    public static final String FILE_NAME = "ranking.json";

    /** Builds the file's content from a fused ranking and the averages it came from. */
    public static RankingFile of(FusedRanking ranking, List<MethodAverage> averages, int exams, long splitSeed,
                                 Provenance provenance) {
        Map<String, List<String>> subsets = new LinkedHashMap<>();
        RankedSubsets.of(ranking.order()).forEach((name, leads) -> subsets.put(name, labels(leads)));
        Map<String, Double> finalScores = new LinkedHashMap<>();
        for (Lead lead : ranking.order()) {
            finalScores.put(lead.label(), ranking.finalScores()[lead.channel()]);
        }
        Map<String, Map<String, Double>> normalised = new LinkedHashMap<>();
        Map<String, Map<String, Double>> raw = new LinkedHashMap<>();
        for (MethodAverage average : averages) {
            normalised.put(average.method().title(), byLead(ranking.normalised(average.method())));
            raw.put(average.method().title(), byLead(average.byLead()));
        }
        return new RankingFile(labels(ranking.order()), subsets, finalScores, normalised, raw,
                ranking.uninformative().stream().map(ImportanceMethod::title).toList(), exams, splitSeed, provenance);
    }

    private static List<String> labels(List<Lead> leads) {
        return leads.stream().map(Lead::label).toList();
    }

    private static Map<String, Double> byLead(double[] values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (Lead lead : Lead.values()) {
            map.put(lead.label(), values[lead.channel()]);
        }
        return map;
    }

    /** The leads in rank order. */
    public List<Lead> leadOrder() {
        return order.stream().map(Lead::parse).toList();
    }

    /** A named subset ({@link RankedSubsets#topName}, {@link RankedSubsets#BOTTOM_3}). */
    public List<Lead> subset(String name) {
        List<String> leads = subsets.get(name);
        if (leads == null) {
            throw new EcgLabException("ranking has no subset '" + name + "'; it holds " + subsets.keySet());
        }
        return leads.stream().map(Lead::parse).toList();
    }

    /** Writes {@value #FILE_NAME} content to {@code file}, atomically. */
    public void write(Path file) {
        Json.write(file, this);
    }

    /** Reads a ranking written by {@link #write}, checking that it names all 12 leads once. */
    public static RankingFile read(Path file) {
        RankingFile result = Json.read(file, RankingFile.class);
        if (result.order() == null || result.subsets() == null || result.provenance() == null) {
            throw new EcgLabException(file + ": not a rank-leads result (fields order, subsets, provenance); "
                    + "run jbang rank-leads to write one");
        }
        List<Lead> order;
        try {
            order = result.leadOrder();
        } catch (EcgLabException e) {
            throw new EcgLabException(file + ": field order: " + e.getMessage(), e);
        }
        if (order.size() != Lead.COUNT || order.stream().distinct().count() != Lead.COUNT) {
            throw new EcgLabException(file + ": field order lists " + result.order()
                    + " but must name each of the 12 leads once; run jbang rank-leads again");
        }
        return result;
    }
}
