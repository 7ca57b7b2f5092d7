package org.ecgleadlab.data.labels;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecgleadlab.data.Condition;

/**
 * Turns the codes of each record into the six labels with {@link ConditionCodes}, and counts the codes that name
 * none of the six (kept and reported, never an error). Not thread-safe.
 */
public final class LabelTally {
    /** Codes listed by {@link #topOtherCodes}. */
    public static final int LISTED_CODES = 10;

    private final Map<String, Integer> otherCodes = new TreeMap<>();

    /** The six labels of a record's {@code #Dx} codes (SNOMED CT or Challenge 2020 text). */
    public float[] ofDx(List<String> codes) {
        float[] labels = new float[Condition.COUNT];
        for (String code : codes) {
            String trimmed = code.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            ConditionCodes.ofDx(trimmed).ifPresentOrElse(c -> labels[c.index()] = 1f,
                    () -> otherCodes.merge(trimmed, 1, Integer::sum));
        }
        return labels;
    }

    /** The six labels of a PTB-XL record's SCP codes: every code present counts (see {@link ScpCodes}). */
    public float[] ofScp(Iterable<String> codes) {
        float[] labels = new float[Condition.COUNT];
        for (String code : codes) {
            ConditionCodes.ofScp(code).ifPresentOrElse(c -> labels[c.index()] = 1f,
                    () -> otherCodes.merge(code, 1, Integer::sum));
        }
        return labels;
    }

    /** The {@link #LISTED_CODES} most frequent codes that name none of the six, with their record counts. */
    public Map<String, Integer> topOtherCodes() {
        Map<String, Integer> top = new LinkedHashMap<>();
        otherCodes.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(LISTED_CODES).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** How many distinct codes named none of the six. */
    public int otherCodeCount() {
        return otherCodes.size();
    }
}
