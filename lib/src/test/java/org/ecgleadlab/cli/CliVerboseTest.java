package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CliVerboseTest {
    @Test
    void verboseIsFoundAmongTheOptionsOnly() {
        assertTrue(Cli.asksVerbose("--epochs", "1", "--verbose"));
        assertFalse(Cli.asksVerbose("--epochs", "1"));
        assertFalse(Cli.asksVerbose("--", "--verbose"));
    }

    @Test
    void everyCommandTakesVerboseAndListsItInItsHelp() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Cli.run(new PredictCommand(), "--help"));
        } finally {
            System.setOut(out);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("--verbose"), captured.toString());
    }
}
