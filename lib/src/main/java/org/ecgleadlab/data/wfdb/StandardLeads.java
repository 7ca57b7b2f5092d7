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
 * Frank leads (vx, vy, vz) and anything else, which are ignored. A lead named twice is refused ({@link
 * #duplicate}): which of the two is meant cannot be known.
 *
 * <p>Records with I and II but without some of III, aVR, aVL, aVF (many devices store only I, II, V1–V6) get the
 * missing limb leads derived ({@link #plan}): III = II − I (Einthoven), aVR = −(I + II)/2, aVL = I − II/2,
 * aVF = II − I/2 (Goldberger).
 */
public final class StandardLeads {
    private StandardLeads() {
    }

    /** The limb leads derived from I and II when a record lacks them. */
    public static final List<Lead> DERIVABLE = List.of(Lead.III, Lead.AVR, Lead.AVL, Lead.AVF);

    /**
     * How to build the 12 leads of a record: the header signal index of each lead in {@link Lead} order, or −1 for
     * a limb lead derived from I and II.
     *
     * @param signals 12 signal indices, −1 where derived
     * @param derived the leads derived (empty when the record has all 12)
     */
    public record Plan(int[] signals, List<Lead> derived) {
        public Plan {
            signals = signals.clone();
            derived = List.copyOf(derived);
        }

        @Override
        public int[] signals() {
            return signals.clone();
        }

        /** The signals to read from the files: those stored, without the derived ones. */
        public int[] stored() {
            return java.util.Arrays.stream(signals).filter(s -> s >= 0).toArray();
        }
    }

    /** The 12 leads of a record, deriving missing limb leads from I and II; empty when another lead is missing. */
    public static Optional<Plan> plan(WfdbHeader header) {
        int[] found = find(header);
        List<Lead> derived = new ArrayList<>();
        boolean limbBase = found[Lead.I.channel()] >= 0 && found[Lead.II.channel()] >= 0;
        for (Lead lead : Lead.values()) {
            if (found[lead.channel()] < 0) {
                if (!limbBase || !DERIVABLE.contains(lead)) {
                    return Optional.empty();
                }
                derived.add(lead);
            }
        }
        return Optional.of(new Plan(found, derived));
    }

    /** The leads a record lacks that cannot be derived (empty when {@link #plan} succeeds). */
    public static List<String> underivable(WfdbHeader header) {
        int[] found = find(header);
        boolean limbBase = found[Lead.I.channel()] >= 0 && found[Lead.II.channel()] >= 0;
        List<String> missing = new ArrayList<>();
        for (Lead lead : Lead.values()) {
            if (found[lead.channel()] < 0 && !(limbBase && DERIVABLE.contains(lead))) {
                missing.add(lead.label());
            }
        }
        return missing;
    }

    /**
     * A standard lead named by two signals, as {@code "lead II is named twice (signals 1 'II' and 4 'DII')"}, or
     * empty.
     */
    public static Optional<String> duplicate(WfdbHeader header) {
        int[] first = new int[Lead.COUNT];
        java.util.Arrays.fill(first, -1);
        for (int s = 0; s < header.signalCount(); s++) {
            Optional<Lead> lead = lead(header.signalName(s));
            if (lead.isPresent()) {
                int c = lead.get().channel();
                if (first[c] >= 0) {
                    return Optional.of("lead " + lead.get().label() + " is named twice (signals " + first[c] + " '"
                            + header.signalName(first[c]) + "' and " + s + " '" + header.signalName(s) + "')");
                }
                first[c] = s;
            }
        }
        return Optional.empty();
    }

    /**
     * Header signal indices of the 12 leads in {@link Lead} order, or empty when any lead is missing. The plain
     * look-up (the first of two signals naming one lead is taken); the readers refuse such records first with
     * {@link #duplicate} and derive limb leads with {@link #plan}.
     */
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
