package org.ecgleadlab.data.synthetic;

import java.util.Arrays;
import java.util.Locale;
import org.ecgleadlab.util.EcgLabException;

/** The folder layouts {@code generate-data --layout} writes. */
public enum DataLayout {
    /** CODE-15% part files + exams.csv, with a CODE-TEST-format test pool ({@link SyntheticGenerator}). */
    CODE15,
    /** A PTB-XL root: ptbxl_database.csv, records500/ and records100/ ({@link PhysioNetGenerator}). */
    PTBXL,
    /** A Challenge 2020/2021-style WFDB folder: .hea with {@code # Dx:} SNOMED CT codes + .dat ({@link PhysioNetGenerator}). */
    CHALLENGE;

    /** The option's spelling: code15, ptbxl, challenge. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code --layout}'s value. */
    public static DataLayout parse(String text) {
        for (DataLayout layout : values()) {
            if (layout.option().equalsIgnoreCase(text.strip())) {
                return layout;
            }
        }
        throw new EcgLabException("--layout " + text + ": unknown layout; use one of "
                + Arrays.stream(values()).map(DataLayout::option).toList());
    }
}
