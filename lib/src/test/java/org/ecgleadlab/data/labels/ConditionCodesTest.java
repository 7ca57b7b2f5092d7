package org.ecgleadlab.data.labels;

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
        assertEquals(Optional.of(Condition.AVB1), ConditionCodes.ofDx("270492004"));
        assertEquals(Optional.of(Condition.RBBB), ConditionCodes.ofDx("59118001"));
        assertEquals(Optional.of(Condition.RBBB), ConditionCodes.ofDx("713427006"));
        assertEquals(Optional.of(Condition.LBBB), ConditionCodes.ofDx("164909002"));
        assertEquals(Optional.of(Condition.LBBB), ConditionCodes.ofDx("733534002"));
        assertEquals(Optional.of(Condition.SB), ConditionCodes.ofDx("426177001"));
        assertEquals(Optional.of(Condition.AF), ConditionCodes.ofDx(" 164889003 "));
        assertEquals(Optional.of(Condition.ST), ConditionCodes.ofDx("427084000"));
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
        assertEquals(Optional.of(Condition.AVB1), ConditionCodes.ofDx("I-AVB"));
        assertEquals(Optional.of(Condition.RBBB), ConditionCodes.ofDx("rbbb"));
        assertEquals(Optional.of(Condition.LBBB), ConditionCodes.ofDx("LBBB"));
        assertEquals(Optional.of(Condition.AF), ConditionCodes.ofDx("AF"));
        for (String other : List.of("Normal", "PAC", "PVC", "STD", "STE")) {
            assertEquals(Optional.empty(), ConditionCodes.ofDx(other), other);
        }
    }

    @Test
    void ptbXlScpCodes() {
        Map<String, Condition> expected = Map.of("1AVB", Condition.AVB1, "CRBBB", Condition.RBBB, "CLBBB",
                Condition.LBBB, "SBRAD", Condition.SB, "AFIB", Condition.AF, "STACH", Condition.ST);
        expected.forEach((code, condition) -> assertEquals(Optional.of(condition), ConditionCodes.ofScp(code)));
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
