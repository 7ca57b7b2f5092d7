package org.ecgleadlab.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordFieldsTest {
    record Knobs(String name, int count, double rate, boolean flag, List<String> tags) {
    }

    @Test
    void componentsInDeclarationOrderWithNullsKept() {
        Map<String, Object> fields = RecordFields.of(new Knobs(null, 3, 0.5, true, List.of("a")));
        assertEquals(List.of("name", "count", "rate", "flag", "tags"), new ArrayList<>(fields.keySet()));
        assertEquals(Arrays.asList(null, 3, 0.5, true, List.of("a")), new ArrayList<>(fields.values()));
    }
}
