package org.ecgleadlab.data.wfdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecgleadlab.data.Lead;

/**
 * Finds the 12 standard leads among a WFDB record's signals by their description, in {@link Lead} order (I, II,
 * III, aVR, aVL, aVF, V1–V6). Names match ignoring case and spaces, with an optional "lead" prefix ("LEAD II",
 * "lead_V1"), and with the Einthoven aliases DI, DII, DIII for I, II, III. Deliberately not matched: MLII and other
 * modified (Mason–Likar / monitoring) leads, which are not the standard limb leads; inverted leads such as "-aVR";
 * Frank leads (vx, vy, vz) and anything else, which are ignored. When a lead appears twice, the first signal wins.
 */
public final class StandardLeads {
    private StandardLeads() {
    }

    /** Header signal indices of the 12 leads in {@link Lead} order, or empty when any lead is missing. */
    public static Optional<int[]> match(WfdbHeader header) {
        int[] found = find(header);
        for (int index : found) {
            if (index < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(found);
    }

    /** Labels of the standard leads the header lacks (empty when all 12 are there). */
    public static List<String> missing(WfdbHeader header) {
        int[] found = find(header);
        List<String> missing = new ArrayList<>();
        for (Lead lead : Lead.values()) {
            if (found[lead.channel()] < 0) {
                missing.add(lead.label());
            }
        }
        return missing;
    }

    /** The standard lead a signal description names, or empty. */
    public static Optional<Lead> lead(String description) {
        String name = description.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
        if (name.startsWith("lead")) {
            name = name.substring(4);
            if (name.startsWith("-")) {
                name = name.substring(1); // "lead-II": the hyphen separates, it does not invert
            }
        }
        switch (name) {
            case "di":
                return Optional.of(Lead.I);
            case "dii":
                return Optional.of(Lead.II);
            case "diii":
                return Optional.of(Lead.III);
            default:
                for (Lead lead : Lead.values()) {
                    if (lead.label().toLowerCase(Locale.ROOT).equals(name)) {
                        return Optional.of(lead);
                    }
                }
                return Optional.empty();
        }
    }

    /** Index per lead (−1 where absent). */
    private static int[] find(WfdbHeader header) {
        int[] found = new int[Lead.COUNT];
        java.util.Arrays.fill(found, -1);
        for (int s = 0; s < header.signalCount(); s++) {
            Optional<Lead> lead = lead(header.signalName(s));
            if (lead.isPresent() && found[lead.get().channel()] < 0) {
                found[lead.get().channel()] = s;
            }
        }
        return found;
    }
}
