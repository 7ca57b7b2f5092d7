package org.ecgleadlab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.PredictCommand;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.PredictionsFile;

/** What the Spark tests compare: a Spark job's files against its single-JVM twin's, and error lines. */
final class SparkJobsEquivalence {
    private SparkJobsEquivalence() {
    }

    /** The same rows in the same order, equal labels, probabilities within 1e-6. */
    static void assertSamePredictions(Path expected, Path actual) {
        Predictions a = PredictionsFile.read(expected);
        Predictions b = PredictionsFile.read(actual);
        assertArrayEquals(a.examIds(), b.examIds(), "exam order");
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.labels()[i], b.labels()[i], "labels of exam " + a.examIds()[i]);
            assertArrayEquals(a.probabilities()[i], b.probabilities()[i], 1e-6f,
                    "probabilities of exam " + a.examIds()[i]);
        }
    }

    /** Runs {@code command} as Cli does, returning its exit code and what it printed on stderr. */
    static Run run(Object command, Map<String, Object> mixins, List<String> args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Cli.run(command, mixins, args.toArray(String[]::new));
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    /** The single-JVM predict, for comparison. */
    static Run predictInOneJvm(List<String> args) {
        return run(new PredictCommand(), Map.of(), args);
    }

    static List<String> args(String... args) {
        return new ArrayList<>(List.of(args));
    }

    record Run(int code, String stderr) {
        /** The line starting with {@code prefix}, e.g. "predict: error:". */
        String line(String prefix) {
            return stderr.lines().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in:\n" + stderr));
        }

        void assertOk() {
            assertEquals(0, code, stderr);
            assertTrue(stderr.lines().noneMatch(l -> l.contains("Exception")), stderr);
        }
    }
}
