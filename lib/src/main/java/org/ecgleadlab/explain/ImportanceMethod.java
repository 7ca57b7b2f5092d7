package org.ecgleadlab.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.util.EcgLabException;

/** The four interpretability methods of the paper's §4.2, in the order of its Figure 2 panels (A)–(D). */
public enum ImportanceMethod {
    OUTPUT_PERTURBATION("output", "Output Perturbation"),
    LOSS_IMPACT("loss", "Loss Impact"),
    ATTENTION_PERTURBATION("attention", "Attention Perturbation"),
    INTEGRATED_GRADIENTS("ig", "Integrated Gradients");

    private final String key;
    private final String title;

    ImportanceMethod(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** Short name used on the command line and in file names ("output", "loss", "attention", "ig"). */
    public String key() {
        return key;
    }

    /** The paper's name of the method. */
    public String title() {
        return title;
    }

    /**
     * Whether the method reads the shared occlusion pass (X and its 12 lead-masked variants): all but Integrated
     * Gradients, which follows its own path from the zero baseline.
     */
    public boolean occlusion() {
        return this != INTEGRATED_GRADIENTS;
    }

    /** Parses a comma-separated list of keys ("output,loss,attention,ig") or "all"; order follows the paper. */
    public static List<ImportanceMethod> parseList(String csv) {
        List<ImportanceMethod> chosen = new ArrayList<>();
        for (String part : csv.split(",")) {
            String wanted = part.trim().toLowerCase(Locale.ROOT);
            if (wanted.isEmpty()) {
                continue;
            }
            if (wanted.equals("all")) {
                return List.of(values());
            }
            chosen.add(fromKey(wanted, csv));
        }
        if (chosen.isEmpty()) {
            throw new EcgLabException("no method named in --methods '" + csv + "'; use e.g. output,loss,attention,ig");
        }
        return List.of(values()).stream().filter(chosen::contains).toList();
    }

    private static ImportanceMethod fromKey(String key, String csv) {
        for (ImportanceMethod m : values()) {
            if (m.key.equals(key) || m.name().equalsIgnoreCase(key)) {
                return m;
            }
        }
        throw new EcgLabException("unknown method '" + key + "' in --methods '" + csv
                + "'; use output, loss, attention, ig or all");
    }

    @Override
    public String toString() {
        return title;
    }
}
