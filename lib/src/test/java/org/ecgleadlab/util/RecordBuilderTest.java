package org.ecgleadlab.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordBuilderTest {
    record Knobs(String name, int count, double rate, boolean flag, List<String> tags) {
        Knobs {
            if (count < 0) {
                throw new EcgLabException("count must not be negative");
            }
        }
    }

    @Test
    void unsetComponentsTakeJavasDefaults() {
        assertEquals(new Knobs(null, 0, 0.0, false, null), new RecordBuilder<>(Knobs.class).build());
        assertEquals(new Knobs("x", 2, 0.0, true, null),
                new RecordBuilder<>(Knobs.class).set("name", "x").set("count", 2).set("flag", true).build());
    }

    @Test
    void fromCopiesEveryComponent() {
        Knobs knobs = new Knobs("x", 2, 0.25, true, List.of("t"));
        assertEquals(knobs, RecordBuilder.from(knobs).build());
        assertEquals(new Knobs("x", 5, 0.25, true, List.of("t")), RecordBuilder.from(knobs).set("count", 5).build());
    }

    @Test
    void theRecordsOwnValidationPassesThroughUnchanged() {
        EcgLabException thrown = assertThrows(EcgLabException.class,
                () -> new RecordBuilder<>(Knobs.class).set("count", -1).build());
        assertEquals("count must not be negative", thrown.getMessage());
    }

    @Test
    void aNameTheRecordDoesNotDeclareIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RecordBuilder<>(Knobs.class).set("size", 1));
    }
}
