package org.ecgleadlab.data.physionet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class ExamIdsTest {
    @Test
    void numericNamesAreTheirNumber() {
        assertEquals(1111904, ExamIds.ofRecordName("1111904"));
        assertEquals(9190, ExamIds.ofRecordName("9190"));
        assertEquals(Optional.empty(), ExamIds.prefixAndNumber(1111904));
    }

    @Test
    void lettersThenDigitsAreBase27LettersTimesABillionPlusTheNumber() {
        assertEquals(1_000_000_001L, ExamIds.ofRecordName("A0001"));
        assertEquals(1_000_000_075L, ExamIds.ofRecordName("A0075"));
        assertEquals((8 * 27 + 18) * 1_000_000_000L + 1, ExamIds.ofRecordName("HR00001")); // H = 8, R = 18
        assertEquals(5_000_007_509L, ExamIds.ofRecordName("E07509"));
        assertEquals((10 * 27 + 19) * 1_000_000_000L + 1, ExamIds.ofRecordName("JS00001"));
        assertEquals(9_000_000_001L, ExamIds.ofRecordName("I01"));
        assertEquals(19_000_000_001L, ExamIds.ofRecordName("S0001"));
        assertEquals(ExamIds.ofRecordName("HR00001"), ExamIds.ofRecordName("hr00001")); // any case
        assertEquals(26L * 27 * 27 * 27 * 27 * 27 + 26L * 27 * 27 * 27 * 27 + 26L * 27 * 27 * 27 + 26L * 27 * 27
                + 26L * 27 + 26, ExamIds.lettersValue("ZZZZZZ"));
    }

    @Test
    void theRuleIsReversibleUpToLeadingZeros() {
        for (String name : new String[] {"A1", "HR1", "E7509", "JS20000", "I1", "S1", "ZZZZZZ999999999", "AZ10"}) {
            assertEquals(Optional.of(name), ExamIds.prefixAndNumber(ExamIds.ofRecordName(name)), name);
        }
        assertEquals(Optional.of("A1"), ExamIds.prefixAndNumber(ExamIds.ofRecordName("A0001")));
        // 27 × 10^9 would need a letter worth 0: not made by the rule
        assertEquals(Optional.empty(), ExamIds.prefixAndNumber(27_000_000_000L));
    }

    @Test
    void otherNamesFallBackToTheCrc32OfTheName() {
        CRC32 crc = new CRC32();
        crc.update("s0010_re".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long id = ExamIds.ofRecordName("s0010_re");
        assertEquals(ExamIds.FALLBACK_BASE + crc.getValue(), id);
        assertTrue(ExamIds.isFallback(id));
        assertFalse(ExamIds.isFallback(ExamIds.ofRecordName("ZZZZZZ999999999")));
        assertNotEquals(ExamIds.ofRecordName("9190_low_sample_rate"), ExamIds.ofRecordName("9190_all_data_is_zero"));
        assertEquals(Optional.empty(), ExamIds.prefixAndNumber(id));
        assertTrue(ExamIds.isFallback(ExamIds.ofRecordName("ABCDEFG1"))); // more than 6 letters
    }

    @Test
    void parseTakesAnIdOrARecordName() {
        assertEquals(1_000_000_001L, ExamIds.parse("1000000001"));
        assertEquals(1_000_000_001L, ExamIds.parse("A0001"));
        assertEquals(ExamIds.ofRecordName("s0010_re"), ExamIds.parse(" s0010_re "));
    }
}
