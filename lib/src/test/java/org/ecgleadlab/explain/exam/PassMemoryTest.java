package org.ecgleadlab.explain.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

class PassMemoryTest {
    @Test
    void rowsPerPassAreTheBudgetOverARowsBytes() {
        PassMemory half = PassMemory.parse("512m");
        assertEquals(512L << 20, half.budgetBytes());
        assertEquals(32, half.gradientRows(), "512 MiB / 16 MiB per gradient row");
        assertEquals(39, half.forwardRows(), "512 MiB / 13 MiB per forward row, rounded down");
        assertEquals(64, PassMemory.parse("1g").gradientRows());
        assertEquals(1, PassMemory.parse("20m").gradientRows());
        assertEquals(1, new PassMemory(1).gradientRows(), "a pass always carries at least one row");
        assertEquals(1, new PassMemory(1).forwardRows());
    }

    @Test
    void parsesBinarySizesAndRefusesWhatIsNotOne() {
        assertEquals(1L << 30, PassMemory.parse("1G").budgetBytes());
        assertEquals(1L << 30, PassMemory.parse("1GiB").budgetBytes());
        assertEquals(256L << 20, PassMemory.parse(" 256MB ").budgetBytes());
        assertEquals(100L << 10, PassMemory.parse("100k").budgetBytes());
        assertEquals(123456789L, PassMemory.parse("123456789").budgetBytes());
        for (String bad : new String[] {"", "1.5g", "g", "-1g", "1t", "0"}) {
            EcgLabException e = assertThrows(EcgLabException.class, () -> PassMemory.parse(bad), bad);
            assertTrue(e.getMessage().contains("--memory"), e.getMessage());
        }
        assertThrows(EcgLabException.class, () -> PassMemory.parse("99999999999999999999g"));
    }

    @Test
    void theDefaultIsHalfTheHeapUpToHalfAGibibyte() {
        assertEquals(PassMemory.DEFAULT_BYTES, PassMemory.forHeap(6L << 30).budgetBytes());
        assertEquals(512L << 20, PassMemory.forHeap(1L << 30).budgetBytes(), "-Xmx1g");
        assertEquals(128L << 20, PassMemory.forHeap(256L << 20).budgetBytes(), "-Xmx256m");
        assertEquals("512 MiB", PassMemory.forHeap(6L << 30).toString());
        assertEquals("1.5 GiB", new PassMemory(3L << 29).toString());
    }
}
