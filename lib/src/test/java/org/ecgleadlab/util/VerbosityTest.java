package org.ecgleadlab.util;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerbosityTest {
    @Test
    void theEnvironmentVariableAcceptsTheUsualYes() {
        for (String yes : new String[] {"1", "true", "YES", " yes "}) {
            assertTrue(Verbosity.isYes(yes), yes);
        }
        for (String no : new String[] {null, "", "0", "false", "no"}) {
            assertFalse(Verbosity.isYes(no), String.valueOf(no));
        }
    }
}
