package org.ecgleadlab.subsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

class LeadSetTest {
    @Test
    void thereAre298SubsetsOfUpToThreeLeadsAnd4095InAllEachOnceInSizeThenChannelOrder() {
        assertEquals(12, LeadSet.allOfSize(1).size());
        assertEquals(66, LeadSet.allOfSize(2).size());
        assertEquals(220, LeadSet.allOfSize(3).size());
        assertEquals(298, LeadSet.upToSize(3).size());
        List<LeadSet> all = LeadSet.upToSize(12);
        assertEquals(4095, all.size());
        assertEquals(4095, new HashSet<>(all).size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).compareTo(all.get(i)) < 0, all.get(i - 1) + " before " + all.get(i));
        }
        assertEquals(List.of("I+II", "I+III", "I+aVR"), LeadSet.allOfSize(2).subList(0, 3).stream()
                .map(LeadSet::name).toList());
        assertEquals("V5+V6", LeadSet.allOfSize(2).get(65).name());
        assertThrows(EcgLabException.class, () -> LeadSet.upToSize(13));
    }

    @Test
    void namesParseInAnyOrderAndPrintInChannelOrder() {
        LeadSet set = LeadSet.parse("V1+i");
        assertEquals("I+V1", set.name());
        assertEquals(List.of(Lead.I, Lead.V1), set.leads());
        assertEquals(set, LeadSet.parse("I,V1"));
        assertTrue(set.contains(Lead.V1) && !set.contains(Lead.II));
        assertEquals(12, LeadSet.ALL.size());
        assertEquals(DeviceSet.TWELVE_LEAD.leads(), LeadSet.ALL);
        assertEquals("I+II+III+aVR+aVL+aVF", DeviceSet.LIMB_6.leads().name());
        assertThrows(EcgLabException.class, () -> LeadSet.parse("V7"));
    }
}
