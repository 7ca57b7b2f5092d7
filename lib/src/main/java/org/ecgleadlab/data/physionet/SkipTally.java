package org.ecgleadlab.data.physionet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecgleadlab.data.wfdb.StandardLeads;
import org.ecgleadlab.data.wfdb.WfdbHeader;

/** Records left out while opening a dataset, counted per reason with the first few named, and the problems met. */
final class SkipTally {
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int problemCount;

    /** Counts one record skipped for {@code reason}; {@code problem}: the data is wrong, list it as a problem too. */
    void skip(String reason, String example, boolean problem) {
        counts.merge(reason, 1, Integer::sum);
        List<String> listed = examples.computeIfAbsent(reason, r -> new ArrayList<>());
        if (listed.size() < RecordSet.LISTED) {
            listed.add(example);
        }
        if (problem) {
            problem(example);
        }
    }

    /**
     * How the record of {@code hea} yields the 12 standard leads, or empty after counting why it is skipped: a lead
     * named twice (a problem), or leads missing that I and II cannot give ({@code record} names it in the example).
     */
    Optional<StandardLeads.Plan> leadPlan(WfdbHeader header, Path hea, Object record) {
        Optional<String> duplicate = StandardLeads.duplicate(header);
        if (duplicate.isPresent()) {
            skip(RecordSet.DUPLICATE_LEAD, hea + ": " + duplicate.get() + "; skipped (rename or remove one signal)",
                    true);
            return Optional.empty();
        }
        Optional<StandardLeads.Plan> plan = StandardLeads.plan(header);
        if (plan.isEmpty()) {
            skip(RecordSet.NO_LEADS, record + " (missing " + String.join(", ", StandardLeads.underivable(header))
                    + ")", false);
        }
        return plan;
    }

    /** Notes a problem that did not stop reading. */
    void problem(String line) {
        problemCount++;
        if (problems.size() < RecordSet.LISTED_PROBLEMS) {
            problems.add(line);
        }
    }

    int count(String reason) {
        return counts.getOrDefault(reason, 0);
    }

    List<String> examples(String reason) {
        return examples.getOrDefault(reason, List.of());
    }

    Map<String, Integer> counts() {
        return counts;
    }

    int problemCount() {
        return problemCount;
    }

    List<String> problems() {
        return problems;
    }

    /** "3 without the 12 standard leads (nor I, II and V1-V6), e.g. A (missing V1); 1 ...", or "nothing skipped". */
    String describe() {
        List<String> parts = new ArrayList<>();
        counts.forEach((reason, n) -> parts.add(n + " " + reason + ", e.g. " + examples.get(reason).get(0)));
        return parts.isEmpty() ? "nothing skipped" : String.join("; ", parts);
    }
}
