package org.ecgleadlab.subsets;

import java.util.List;
import org.ecgleadlab.data.Lead;

/**
 * The lead sets real devices record and the PhysioNet/CinC Challenge 2021 ("Will Two Do?") evaluated, so the
 * data-driven subsets can be set beside them.
 */
public enum DeviceSet {
    SINGLE_LEAD_I("Watch-1", "single lead I (Apple Watch-style)", List.of(Lead.I)),
    CHALLENGE_2("Challenge-2", "I + II (Challenge 2-lead)", List.of(Lead.I, Lead.II)),
    CHALLENGE_3("Challenge-3", "I + II + V2 (Challenge 3-lead)", List.of(Lead.I, Lead.II, Lead.V2)),
    CHALLENGE_4("Challenge-4", "I + II + III + V2 (Challenge 4-lead)", List.of(Lead.I, Lead.II, Lead.III, Lead.V2)),
    LIMB_6("Limb-6", "six limb leads (KardiaMobile 6L-style, Challenge 6-lead)",
            List.of(Lead.I, Lead.II, Lead.III, Lead.AVR, Lead.AVL, Lead.AVF)),
    TWELVE_LEAD("12-lead", "all 12 leads (standard ECG)", List.of(Lead.values()));

    private final String shortName;
    private final String description;
    private final LeadSet leads;

    DeviceSet(String shortName, String description, List<Lead> leads) {
        this.shortName = shortName;
        this.description = description;
        this.leads = LeadSet.of(leads);
    }

    /** A short name usable in folder names and legends ("Challenge-2"). */
    public String shortName() {
        return shortName;
    }

    /** What it is ("I + II (Challenge 2-lead)"). */
    public String description() {
        return description;
    }

    public LeadSet leads() {
        return leads;
    }
}
