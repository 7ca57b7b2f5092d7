package org.ecgleadlab.train;

import java.util.List;
import java.util.Locale;
import org.ecgleadlab.data.InputTransform;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.util.EcgLabException;

/** How a lead subset reaches the model (paper §4.3). */
public enum InputMode {
    /** All 12 channels, the leads outside the subset set to zero: the 12-input architecture. */
    MASKED,
    /** Only the subset's channels, in the subset's order: the architecture with {@code in_channels = |subset|}. */
    REDUCED;

    /** The command-line spelling ("masked", "reduced"). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The data-side transform that gives the model this view of {@code leads}. */
    public InputTransform transform(List<Lead> leads) {
        if (this == REDUCED) {
            return InputTransform.selected(leads);
        }
        return leads.size() == Lead.COUNT ? InputTransform.allLeads() : InputTransform.masked(leads);
    }

    /** Parses "masked" or "reduced", case-insensitively. */
    public static InputMode parse(String name) {
        for (InputMode mode : values()) {
            if (mode.cliName().equalsIgnoreCase(name.trim())) {
                return mode;
            }
        }
        throw new EcgLabException("unknown input mode '" + name + "'; use masked or reduced");
    }

    @Override
    public String toString() {
        return cliName();
    }
}
