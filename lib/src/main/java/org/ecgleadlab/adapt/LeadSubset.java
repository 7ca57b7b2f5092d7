package org.ecgleadlab.adapt;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.RankedSubsets;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.util.EcgLabException;

/**
 * A named lead subset the grid adapts to: "Top-2" = (V1, I) from the ranking, "Bottom-3" for the ablation,
 * or a user's own list. Lead order is kept: it is the channel order of a reduced-channel model.
 */
public record LeadSubset(String name, List<Lead> leads) implements Serializable {
    /** The name of the full 12-lead set. */
    public static final String ALL_LEADS = "12-lead";

    public LeadSubset {
        leads = List.copyOf(leads);
        if (leads.isEmpty()) {
            throw new EcgLabException("lead subset '" + name + "' is empty; name at least one lead, e.g. V1");
        }
    }

    /** All 12 leads in channel order. */
    public static LeadSubset allLeads() {
        return new LeadSubset(ALL_LEADS, List.of(Lead.values()));
    }

    /** Top-1, Top-2, Top-3 and Bottom-3 of {@code ranked}, in that order, or the paper's when it is null. */
    public static List<LeadSubset> rankedOrPaper(RankingFile ranked) {
        Map<String, List<Lead>> paper = RankedSubsets.of(PaperResults.TOP_3, PaperResults.BOTTOM_3);
        return paper.keySet().stream()
                .map(name -> new LeadSubset(name, ranked != null ? ranked.subset(name) : paper.get(name))).toList();
    }

    /** A subset named after its leads, for one-off runs ("V1,I"). */
    public static LeadSubset custom(List<Lead> leads) {
        return new LeadSubset(Lead.join(leads), leads);
    }

    public int size() {
        return leads.size();
    }

    /** Whether this is the complete 12-lead set. */
    public boolean isAllLeads() {
        return leads.size() == Lead.COUNT;
    }

    /** The leads as the paper writes them: "(V1, I)". */
    public String paperLabel() {
        return isAllLeads() ? "(12-lead)" : "(" + String.join(", ", leads.stream().map(Lead::label).toList()) + ")";
    }

    /** Lower-case key for folder names ("top-2-v1-i"). */
    public String slug() {
        String prefix = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return isAllLeads() ? prefix : prefix + "-" + Lead.slug(leads);
    }
}
