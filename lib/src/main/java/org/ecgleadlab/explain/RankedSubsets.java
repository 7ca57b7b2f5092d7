package org.ecgleadlab.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Lead;

/**
 * The lead subsets the paper adapts to, cut from leads ordered most important first, with their names: Top-1, Top-2
 * and Top-3 (§5.2) and the ablation's Bottom-3 (§5.3). The one place that knows these names and how they are cut;
 * {@link RankingFile} stores them, the adaptation and subset search look them up by name.
 */
public final class RankedSubsets {
    /** The largest Top-k the paper adapts to. */
    public static final int LARGEST_TOP = 3;
    /** The ablation's subset of the three least important leads. */
    public static final String BOTTOM_3 = "Bottom-3";
    /** "Top-1", "Top-2", "Top-3". */
    public static final List<String> TOP_NAMES = List.of(topName(1), topName(2), topName(3));

    private RankedSubsets() {
    }

    /** "Top-k". */
    public static String topName(int k) {
        return "Top-" + k;
    }

    /** The {@code k} most important leads of {@code order}, most important first. */
    public static List<Lead> top(List<Lead> order, int k) {
        return order.subList(0, k);
    }

    /** The {@code k} least important leads of {@code order}, least important last. */
    public static List<Lead> bottom(List<Lead> order, int k) {
        return order.subList(order.size() - k, order.size());
    }

    /** Top-1, Top-2, Top-3 and Bottom-3 of a full 12-lead order, in that order. */
    public static Map<String, List<Lead>> of(List<Lead> order) {
        if (order.size() != Lead.COUNT) {
            throw new IllegalArgumentException("a lead order names all 12 leads, not " + order);
        }
        return of(top(order, LARGEST_TOP), bottom(order, 3));
    }

    /**
     * Top-1, Top-2, Top-3 and Bottom-3 from the three most important leads (most important first) and the three least
     * important (as the paper lists its own subsets).
     */
    public static Map<String, List<Lead>> of(List<Lead> topThree, List<Lead> bottomThree) {
        Map<String, List<Lead>> subsets = new LinkedHashMap<>();
        for (int k = 1; k <= LARGEST_TOP; k++) {
            subsets.put(topName(k), List.copyOf(top(topThree, k)));
        }
        subsets.put(BOTTOM_3, List.copyOf(bottomThree));
        return subsets;
    }
}
