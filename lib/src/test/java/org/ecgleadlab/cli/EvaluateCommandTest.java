package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.synthetic.SyntheticConfig;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.data.synthetic.SyntheticDefaults;
import org.ecgleadlab.evaluate.Evaluate;
import org.ecgleadlab.metrics.ClassifierEvaluation;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.metrics.RankingMetrics;
import org.ecgleadlab.report.Provenance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jbang evaluate} end to end: the shipped checkpoint on a tiny synthetic test pool, and bad input. */
class EvaluateCommandTest {
    @TempDir
    static Path temp;
    static SyntheticDataset data;
    static Path output;
    static String printed;

    @BeforeAll
    static void evaluateTheShippedCheckpointOnATinyTestPool() {
        data = SyntheticDefaults.ensureGenerated(temp.resolve("synthetic"),
                SyntheticConfig.defaults().withSizes(1, 8, 40, 16), false);
        output = temp.resolve("evaluate");
        printed = run(0, "--bootstrap", "200", "--device", "cpu", "-o", output.toString(),
                data.codeTest().toString(), data.audit().toString());
    }

    private static String run(int expectedExit, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            assertEquals(expectedExit, Cli.run(new EvaluateCommand(), args),
                    () -> captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheTablesAndWritesEveryFile() throws Exception {
        assertTrue(printed.contains("Per-condition metrics (95 % bootstrap intervals)"), printed);
        assertTrue(printed.contains("ROC AUC") && printed.contains("macro") && printed.contains("TP"), printed);
        for (String file : List.of("predictions.csv", "metrics.csv", "confusion.csv", "roc_curve.csv",
                "precision_recall_curve.csv", "evaluation.json", "provenance.json", "roc.svg",
                "precision-recall.svg")) {
            assertTrue(Files.size(output.resolve(file)) > 0, file);
        }
        for (String png : List.of("roc.png", "precision-recall.png")) {
            assertNotNull(ImageIO.read(output.resolve(png).toFile()), png + " decodes");
        }
        int exams = CodeDataset.openTestPool(data.testPool()).exams().size();
        Predictions predictions = PredictionsFile.read(output.resolve("predictions.csv"));
        assertEquals(exams, predictions.size());
        Provenance provenance = Provenance.read(output.resolve("provenance.json"));
        assertEquals("evaluate", provenance.command());
        assertEquals(2, provenance.dataPaths().size());
        assertTrue(provenance.checkpoint().endsWith("lga12-synthetic"), provenance.checkpoint());
        assertEquals(exams, provenance.configuration().get("examIds").split(",").length);
        assertEquals(String.valueOf(predictions.examIds()[0]),
                provenance.configuration().get("examIds").split(",")[0]);
    }

    /** The numbers written can be recomputed from predictions.csv alone, with the same seed giving the same intervals. */
    @Test
    void evaluationJsonMatchesARecomputationFromThePredictionsFile() throws Exception {
        ClassifierEvaluation again = Evaluate.of(PredictionsFile.read(output.resolve("predictions.csv")), 0.5, 200,
                Evaluate.DEFAULT_SEED);
        JsonObject metrics = JsonParser.parseString(Files.readString(output.resolve("evaluation.json")))
                .getAsJsonObject().getAsJsonObject("metrics");
        for (String name : List.of("macro_f1", RankingMetrics.MACRO_AUC, RankingMetrics.MACRO_AP, "auc_RBBB")) {
            JsonObject written = metrics.getAsJsonObject(name);
            assertEquals(again.interval(name).estimate(), written.get("estimate").getAsDouble(), 0, name);
            assertEquals(again.interval(name).lower(), written.get("lower").getAsDouble(), 0, name);
            assertEquals(again.interval(name).upper(), written.get("upper").getAsDouble(), 0, name);
        }
    }

    @Test
    void anExistingPredictionsFileIsEvaluatedWithoutAModel() throws Exception {
        Path again = temp.resolve("again");
        run(0, "--predictions", output.resolve("predictions.csv").toString(), "--bootstrap", "200", "-o",
                again.toString());
        assertEquals(Files.readString(output.resolve("metrics.csv")), Files.readString(again.resolve("metrics.csv")));
        assertEquals(Files.readString(output.resolve("roc_curve.csv")),
                Files.readString(again.resolve("roc_curve.csv")));
    }

    @Test
    void badInputIsOneLineAndExitCode2() throws Exception {
        assertOneLineError(run(Cli.USER_ERROR, temp.resolve("no-such-folder").toString()), "folder not found");
        assertOneLineError(run(Cli.USER_ERROR, "--threshold", "high", data.codeTest().toString()), "--threshold");
        assertOneLineError(run(Cli.USER_ERROR, "--threshold", "1.5", data.codeTest().toString()), "[0, 1]");
        assertOneLineError(run(Cli.USER_ERROR, "--bootstrap", "1", data.codeTest().toString()), "--bootstrap");
        Path csv = output.resolve("predictions.csv");
        assertOneLineError(run(Cli.USER_ERROR, csv.toString()), "--predictions");
        assertOneLineError(run(Cli.USER_ERROR, "--predictions", csv.toString(), data.codeTest().toString()),
                "give no DATA");
        // Unlabelled: every label 0.
        Predictions written = PredictionsFile.read(csv);
        Path unlabelled = PredictionsFile.write(temp.resolve("unlabelled.csv"), new Predictions(written.examIds(),
                written.probabilities(), new float[written.size()][6]));
        assertOneLineError(run(Cli.USER_ERROR, "--predictions", unlabelled.toString()), "no exam carries any");
    }

    private static void assertOneLineError(String output, String expected) {
        List<String> lines = output.strip().lines().toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).startsWith("evaluate: error: ") && lines.get(0).contains(expected), output);
    }
}
