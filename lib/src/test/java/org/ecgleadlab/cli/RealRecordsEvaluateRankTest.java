package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.physionet.ExamIds;
import org.ecgleadlab.data.physionet.PtbXlFixture;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} and {@code rank-leads} end to end, with the shipped checkpoint, on real records: the WFDB folder
 * shipped in {@code data/real-ecg} (runs on a fresh clone) and a PTB-XL-layout root built from the shared records
 * (its official test fold 10 is what both measure on). Small settings: a few exams, few IG steps.
 */
class RealRecordsEvaluateRankTest {
    private static final List<String> EVALUATE_FILES = List.of("predictions.csv", "metrics.csv", "confusion.csv",
            "roc_curve.csv", "precision_recall_curve.csv", "evaluation.json", "provenance.json", "roc.png", "roc.svg",
            "precision-recall.png", "precision-recall.svg");
    private static final List<String> RANK_FILES = List.of("ranking.json", "fused-ranking.csv", "test-halves.csv",
            "provenance.json", "run-summary.json", "figure2-heatmaps.png", "figure3-lead-importance.png",
            "stability.csv");

    @TempDir
    static Path temp;

    @BeforeAll
    static void quiet() {
        Progress.setQuiet(true);
    }

    @Test
    void evaluateAndRankLeadsOnTheShippedWfdbFolder() throws IOException {
        Path data = ProjectPaths.realEcg();
        Path evaluated = temp.resolve("wfdb-evaluate");
        String printed = CliCapture.run(0, new EvaluateCommand(), "--bootstrap", "50", "--device", "cpu",
                "-o", evaluated.toString(), data.toString());
        assertTrue(printed.contains("Evaluated 17 exams of " + data), printed);
        assertWritten(evaluated, EVALUATE_FILES);
        Predictions predictions = PredictionsFile.read(evaluated.resolve("predictions.csv"));
        assertEquals(17, predictions.size());
        // record names trace back: A0010 (RBBB) is id 1000000010 and carries its label
        int a0010 = indexOf(predictions.examIds(), ExamIds.ofRecordName("A0010"));
        assertEquals(1f, predictions.labels()[a0010][1]);

        Path ranked = temp.resolve("wfdb-rank");
        rankLeads(data, ranked);
        Provenance provenance = Provenance.read(ranked.resolve("provenance.json"));
        assertEquals("rank-leads", provenance.command());
        assertEquals(List.of(data.toAbsolutePath().normalize().toString()), provenance.dataPaths());
        // the halves split the whole folder: a plain WFDB folder has no official split
        assertEquals(18, Files.readAllLines(ranked.resolve("test-halves.csv")).size());
    }

    @Test
    void evaluateAndRankLeadsOnAPtbXlRootUseItsTestFold() throws IOException {
        Path root = temp.resolve("ptb-xl");
        PtbXlFixture.write(root);
        Path evaluated = temp.resolve("ptbxl-evaluate");
        String printed = CliCapture.run(0, new EvaluateCommand(), "--bootstrap", "50", "--device", "cpu",
                "-o", evaluated.toString(), root.toString());
        assertTrue(printed.contains("Evaluated 5 exams of " + root + " (its official test split: PTB-XL strat_fold 10)"),
                printed);
        assertWritten(evaluated, EVALUATE_FILES);
        long[] ids = PredictionsFile.read(evaluated.resolve("predictions.csv")).examIds().clone();
        assertEquals("records500/06000/06009_hr",
                PredictionsFile.readRecordNames(evaluated.resolve("predictions.csv")).get(6009L));
        Arrays.sort(ids);
        assertEquals(List.of(6009L, 21801L, 21803L, 21805L, 21806L), Arrays.stream(ids).boxed().toList());

        Path ranked = temp.resolve("ptbxl-rank");
        rankLeads(root, ranked);
        List<String> halves = Files.readAllLines(ranked.resolve("test-halves.csv"));
        assertEquals(6, halves.size(), halves.toString()); // header + the 5 exams of fold 10, nothing else
        assertTrue(halves.stream().skip(1).allMatch(line -> line.startsWith("6009,") || line.startsWith("2180")),
                halves.toString());
    }

    private static void rankLeads(Path data, Path output) {
        String printed = CliCapture.run(0, new RankLeadsCommand(), "--data", data.toString(), "--exams", "2",
                "--ig-steps", "4", "--bootstrap", "10", "--device", "cpu", "-o", output.toString());
        assertTrue(printed.contains("Rank stability"), printed);
        assertWritten(output, RANK_FILES);
        RankingFile result = RankingFile.read(output.resolve(RankingFile.FILE_NAME));
        assertEquals(12, result.leadOrder().size());
        assertEquals(List.of(Lead.values()).size(), result.leadOrder().stream().distinct().count());
        assertEquals(3, result.subset("Top-3").size());
    }

    private static void assertWritten(Path folder, List<String> files) {
        for (String file : files) {
            try {
                assertTrue(Files.size(folder.resolve(file)) > 0, folder + "/" + file);
            } catch (IOException e) {
                throw new AssertionError(folder + "/" + file + " not written", e);
            }
        }
    }

    private static int indexOf(long[] ids, long id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        throw new AssertionError(id + " not among " + Arrays.toString(ids));
    }
}
