package org.ecgleadlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.util.EcgLabException;

/** The 12 standard leads, in the CODE-15% channel order (I, II, III, aVR, aVL, aVF, V1–V6). */
public enum Lead {
    I("I"), II("II"), III("III"), AVR("aVR"), AVL("aVL"), AVF("aVF"),
    V1("V1"), V2("V2"), V3("V3"), V4("V4"), V5("V5"), V6("V6");

    public static final int COUNT = 12;

    private final String label;

    Lead(String label) {
        this.label = label;
    }

    /** The name clinicians write (e.g. "aVR"). */
    public String label() {
        return label;
    }

    /** Channel index in a CODE tracing and in the 12-lead model input. */
    public int channel() {
        return ordinal();
    }

    @Override
    public String toString() {
        return label;
    }

    /** Parses one lead name, case-insensitively ("v1", "AVL", "aVL"). */
    public static Lead parse(String name) {
        String wanted = name.trim();
        for (Lead lead : values()) {
            if (lead.label.equalsIgnoreCase(wanted)) {
                return lead;
            }
        }
        throw new EcgLabException("unknown lead name '" + name + "'; use one of " + Arrays.toString(values()));
    }

    /** Parses a comma-separated list such as "V1,I"; order is kept, duplicates and empty lists are errors. */
    public static List<Lead> parseList(String csv) {
        List<Lead> leads = new ArrayList<>();
        for (String part : csv.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Lead lead = parse(part);
            if (leads.contains(lead)) {
                throw new EcgLabException("lead " + lead + " is listed twice in '" + csv + "'");
            }
            leads.add(lead);
        }
        if (leads.isEmpty()) {
            throw new EcgLabException("no lead named in '" + csv + "'; write e.g. V1,I");
        }
        return List.copyOf(leads);
    }

    /** Writes leads as "V1,I" (the form {@link #parseList} reads). */
    public static String join(List<Lead> leads) {
        return String.join(",", leads.stream().map(Lead::label).toList());
    }

    /** Lower-case key, handy for file names ("v1-i"). */
    public static String slug(List<Lead> leads) {
        return String.join("-", leads.stream().map(l -> l.label.toLowerCase(Locale.ROOT)).toList());
    }
}
