package org.ecgleadlab.subsets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgleadlab.adapt.LeadSubset;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.util.EcgLabException;

/**
 * The subsets {@code adapt} and {@code reproduce-tables} take with {@code --subsets}, beside the ranking's Top-k:
 * {@code best} (the best subset of each size a subset search found, named "Best-k"), {@code devices} (the device lead
 * sets but the 12-lead one, named "Watch-1", "Challenge-2", ...) and explicit lead lists ("V1+I", kept in the given
 * order, which is the channel order of a reduced-channel model).
 */
public final class NamedSubsets {
    public static final String BEST = "best";
    public static final String DEVICES = "devices";

    private NamedSubsets() {
    }

    /**
     * The subsets named by {@code specs} ("best", "devices", "V1+I", ...), in order, without repeats of the same lead
     * set; {@code searchFolder} is the subset-search output "best" reads.
     */
    public static List<LeadSubset> parse(List<String> specs, Path searchFolder) {
        Map<LeadSet, LeadSubset> subsets = new LinkedHashMap<>();
        for (String raw : specs) {
            String spec = raw.trim();
            if (spec.isEmpty()) {
                continue;
            }
            switch (spec.toLowerCase(Locale.ROOT)) {
                case BEST -> {
                    for (SubsetSummary.Best best : SubsetSummary.read(searchFolder).bestBySize()) {
                        add(subsets, new LeadSubset("Best-" + best.size(), LeadSet.parse(best.leads()).leads()));
                    }
                }
                case DEVICES -> {
                    for (DeviceSet device : DeviceSet.values()) {
                        if (device != DeviceSet.TWELVE_LEAD) {
                            add(subsets, new LeadSubset(device.shortName(), device.leads().leads()));
                        }
                    }
                }
                default -> {
                    List<Lead> leads;
                    try {
                        leads = Lead.parseList(spec.replace('+', ','));
                    } catch (EcgLabException e) {
                        throw new EcgLabException("--subsets: '" + spec + "' is neither best, devices nor a lead list"
                                + " such as V1+I (" + e.getMessage() + ")");
                    }
                    add(subsets, new LeadSubset(String.join("+", leads.stream().map(Lead::label).toList()), leads));
                }
            }
        }
        return new ArrayList<>(subsets.values());
    }

    /**
     * {@code extra} without the subsets whose lead set equals one of {@code existing} (a run is keyed by its leads, so
     * "Best-2" = (I, V1) would only repeat "Top-2" = (V1, I)); {@code skipped} hears of each one left out.
     */
    public static List<LeadSubset> without(List<LeadSubset> extra, List<LeadSubset> existing,
                                           java.util.function.BiConsumer<LeadSubset, LeadSubset> skipped) {
        List<LeadSubset> kept = new ArrayList<>();
        for (LeadSubset subset : extra) {
            LeadSubset twin = existing.stream().filter(e -> e != null
                    && LeadSet.of(e.leads()).equals(LeadSet.of(subset.leads()))).findFirst().orElse(null);
            if (twin != null) {
                skipped.accept(subset, twin);
            } else {
                kept.add(subset);
            }
        }
        return kept;
    }

    private static void add(Map<LeadSet, LeadSubset> subsets, LeadSubset subset) {
        subsets.putIfAbsent(LeadSet.of(subset.leads()), subset);
    }
}
