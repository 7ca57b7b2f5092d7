package org.ecgleadlab.data.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScpCodesTest {
    @Test
    void parsesPtbXlDictionaries() {
        // as written in ptbxl_database.csv (ecg_id 1, and a multi-statement row)
        assertEquals(Map.of("NORM", 100.0, "LVOLT", 0.0, "SR", 0.0),
                ScpCodes.parse("{'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}"));
        Map<String, Double> codes = ScpCodes.parse("{'IMI': 35.0, 'AFLT': 0.0, \"CRBBB\": 100, '1AVB': 50.0}");
        assertEquals(List.of("IMI", "AFLT", "CRBBB", "1AVB"), List.copyOf(codes.keySet()));
        assertEquals(50.0, codes.get("1AVB"));
        assertEquals(Map.of(), ScpCodes.parse("{}"));
        assertEquals(Map.of(), ScpCodes.parse("  { }  "));
        assertEquals(Map.of("SR", 0.0), ScpCodes.parse("{'SR':0.0,}"));
    }

    @Test
    void textThatIsNotADictionaryIsRefusedWithTheReason() {
        for (String bad : List.of("", "NORM", "['NORM']", "{'NORM' 100.0}", "{NORM: 100.0}", "{'NORM': high}",
                "{'NORM': 100.0 'SR': 0.0}", "{'NORM: 100.0}", "{'SR': 0.0, 'SR': 0.0}")) {
            ScpCodes.NotADictionary e = assertThrows(ScpCodes.NotADictionary.class, () -> ScpCodes.parse(bad), bad);
            assertTrue(!e.getMessage().isEmpty() && !e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
