package org.ecgleadlab.subsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.adapt.LeadSubset;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamedSubsetsTest {
    @Test
    void bestDevicesAndLeadListsBecomeNamedSubsetsWithoutRepeats(@TempDir Path search) {
        List<SubsetSummary.Best> best = List.of(
                new SubsetSummary.Best(1, "V1", 0.5, 0.4, 0.6, 0.9, 0.8, 0.95, 12, List.of()),
                new SubsetSummary.Best(2, "I+V1", 0.7, 0.6, 0.8, 0.95, 0.9, 0.97, 66, List.of("II+V1")));
        new SubsetSummary(2, 0.5, 300, 1, "w", true, best, List.of(), List.of(), List.of(), List.of(), null,
                java.util.Map.of(), Provenance.builder("subset-search").build()).write(search.resolve("summary.json"));

        List<LeadSubset> subsets = NamedSubsets.parse(List.of("best", "devices", "V2+ii", "V1"), search);
        assertEquals(List.of("Best-1", "Best-2", "Watch-1", "Challenge-2", "Challenge-3", "Challenge-4", "Limb-6",
                "V2+II"), subsets.stream().map(LeadSubset::name).toList(), "V1 repeats Best-1 and is dropped");
        assertEquals(List.of(Lead.I, Lead.V1), subsets.get(1).leads());
        assertEquals(List.of(Lead.V2, Lead.II), subsets.get(7).leads(), "a given list keeps its channel order");

        List<String> skipped = new ArrayList<>();
        List<LeadSubset> kept = NamedSubsets.without(subsets, List.of(new LeadSubset("Top-2", List.of(Lead.V1,
                Lead.I))), (s, twin) -> skipped.add(s.name() + "=" + twin.name()));
        assertEquals(List.of("Best-2=Top-2"), skipped);
        assertEquals(subsets.size() - 1, kept.size());

        EcgLabException unknown = assertThrows(EcgLabException.class,
                () -> NamedSubsets.parse(List.of("bestest"), search));
        assertTrue(unknown.getMessage().contains("neither best, devices"), unknown.getMessage());
        assertThrows(EcgLabException.class, () -> NamedSubsets.parse(List.of("best"), search.resolve("missing")));
    }
}
