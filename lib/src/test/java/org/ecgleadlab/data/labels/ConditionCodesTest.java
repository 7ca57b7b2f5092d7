package org.ecgleadlab.data.labels;

import static org.ecgleadlab.data.LookupAssertions.assertLookups;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecgleadlab.data.Condition;
import org.junit.jupiter.api.Test;

class ConditionCodesTest {
    @Test
    void snomedCodesOfTheSixConditionsAsTheIssueListsThem() {
        assertLookups(ConditionCodes::ofDx, Map.of("270492004", Condition.AVB1, "59118001", Condition.RBBB,
                "713427006", Condition.RBBB, "164909002", Condition.LBBB, "733534002", Condition.LBBB,
                "426177001", Condition.SB, " 164889003 ", Condition.AF, "427084000", Condition.ST));
        assertEquals(8, ConditionCodes.SNOMED.size());
    }

    @Test
    void incompleteRbbbAndAtrialFlutterAreNotAmongTheSix() {
        assertEquals(Optional.empty(), ConditionCodes.ofDx("713426002")); // incomplete RBBB
        assertEquals(Optional.empty(), ConditionCodes.ofDx("164890007")); // atrial flutter
        assertEquals(Optional.empty(), ConditionCodes.ofScp("IRBBB"));
        assertEquals(Optional.empty(), ConditionCodes.ofScp("ILBBB"));
        assertEquals(Optional.empty(), ConditionCodes.ofScp("AFLT"));
    }

    @Test
    void challengeTextLabelsIgnoreCaseAndOnlyTheFourExist() {
        assertLookups(ConditionCodes::ofDx, Map.of("I-AVB", Condition.AVB1, "rbbb", Condition.RBBB,
                "LBBB", Condition.LBBB, "AF", Condition.AF));
        for (String other : List.of("Normal", "PAC", "PVC", "STD", "STE")) {
            assertEquals(Optional.empty(), ConditionCodes.ofDx(other), other);
        }
    }

    @Test
    void ptbXlScpCodes() {
        Map<String, Condition> expected = Map.of("1AVB", Condition.AVB1, "CRBBB", Condition.RBBB, "CLBBB",
                Condition.LBBB, "SBRAD", Condition.SB, "AFIB", Condition.AF, "STACH", Condition.ST);
        assertLookups(ConditionCodes::ofScp, expected);
        assertEquals(Optional.empty(), ConditionCodes.ofScp("NORM"));
        assertEquals(Optional.empty(), ConditionCodes.ofScp("SR"));
    }

    @Test
    void tallyCountsCodesOutsideTheSixWithoutFailing() {
        LabelTally tally = new LabelTally();
        assertArrayEquals(new float[] {0, 1, 0, 0, 1, 0}, tally.ofDx(List.of("59118001", "164889003", "426783006")));
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0}, tally.ofDx(List.of("426783006", "713426002", "")));
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, tally.ofScp(List.of("1AVB", "STACH", "SR")));
        assertEquals(Map.of("426783006", 2, "SR", 1, "713426002", 1), tally.topOtherCodes());
        assertEquals(List.of("426783006", "713426002", "SR"), List.copyOf(tally.topOtherCodes().keySet()));
        assertEquals(3, tally.otherCodeCount());
    }
}
