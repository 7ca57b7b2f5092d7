package org.ecgleadlab.data.wfdb;

import static org.ecgleadlab.data.LookupAssertions.assertLookups;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecgleadlab.data.Lead;
import org.junit.jupiter.api.Test;

class StandardLeadsTest {
    private static WfdbHeader header(String... names) {
        StringBuilder text = new StringBuilder("r " + names.length + " 500 10\n");
        for (String name : names) {
            text.append("r.dat 16 1000/mV 16 0 0 0 0 ").append(name).append('\n');
        }
        return WfdbHeader.parse(Path.of("r.hea"), text.toString());
    }

    @Test
    void aliasesAndCase() {
        assertLookups(StandardLeads::lead, Map.of("DI", Lead.I, "dii", Lead.II, "D III", Lead.III, "AVR", Lead.AVR,
                "avl", Lead.AVL, " aVF ", Lead.AVF, "LEAD V3", Lead.V3, "lead_v4", Lead.V4, "Lead-II", Lead.II));
        assertEquals(Optional.empty(), StandardLeads.lead("MLII"), "a modified limb lead is not lead II");
        assertEquals(Optional.empty(), StandardLeads.lead("-aVR"), "inverted aVR is not aVR");
        assertEquals(Optional.empty(), StandardLeads.lead("vx"));
        assertEquals(Optional.empty(), StandardLeads.lead("V7"));
        assertEquals(Optional.empty(), StandardLeads.lead(""));
    }

    @Test
    void matchesInLeadOrderWhateverTheHeaderOrder() {
        WfdbHeader h = header("V6", "V5", "V4", "V3", "V2", "V1", "AVF", "AVL", "AVR", "III", "II", "I");
        assertArrayEquals(new int[] {11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, StandardLeads.match(h).orElseThrow());
        assertEquals(List.of(), StandardLeads.missing(h));
    }

    @Test
    void frankLeadsAreIgnored() {
        WfdbHeader h = header("i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6", "vx", "vy",
                "vz");
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, StandardLeads.match(h).orElseThrow());
    }

    @Test
    void missingLeadsAreNamed() {
        WfdbHeader h = header("MLII", "V1", "V5", "I", "I");
        assertTrue(StandardLeads.match(h).isEmpty());
        assertEquals(List.of("II", "III", "aVR", "aVL", "aVF", "V2", "V3", "V4", "V6"), StandardLeads.missing(h));
        WfdbHeader twice = header("I", "I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");
        assertEquals(0, StandardLeads.match(twice).orElseThrow()[0], "the first of two signals named I");
    }
}
