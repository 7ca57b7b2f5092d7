package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.util.ProgressOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default dataset is generated on first use by any command: off a terminal its progress is plain lines. */
class GeneratorProgressTest {
    private static final SyntheticConfig TINY = SyntheticConfig.defaults().withSizes(1, 10, 4, 3);

    @TempDir
    Path temp;

    @Test
    void offATerminalTheGeneratorPrintsPlainLinesNotCarriageReturnFrames() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new SyntheticGenerator(TINY, 1, true).generate(temp.resolve("synthetic"));
        } finally {
            System.setErr(originalErr);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertFalse(ProgressOutput.stderrIsTerminal());
        assertFalse(out.contains("\r"), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("synthetic ECGs")).toList();
        assertEquals("synthetic ECGs: " + TINY.totalExams() + " exams to go", lines.get(0), out);
        assertTrue(lines.get(lines.size() - 1).matches("synthetic ECGs: done, " + TINY.totalExams()
                + " exams in \\d+\\.\\d s"), out);
    }
}
