package org.ecgleadlab.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.CliCapture;
import org.ecgleadlab.cli.CompareDataCommand;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.report.Figure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.AxisPair;
import org.knowm.xchart.internal.chartpart.Chart;

/** compare-data on two small generated folders: the table, files, sampling and a folder against itself. */
class DataComparisonTest {
    @TempDir
    static Path temp;
    static SyntheticDataset data;

    @BeforeAll
    static void generate() {
        data = GeneratedData.tiny(temp, 24, 20, 1);
    }

    @Test
    void aFolderAgainstItselfHasRatiosOfOne() {
        DataComparison c = DataComparison.run(data.code15(), "x", data.code15(), "y", 10, 3, false);
        assertEquals(10, c.a().exams());
        assertEquals(24, c.a().folderExams());
        for (DataComparison.Row row : c.rows()) {
            assertEquals(row.a(), row.b(), row.name() + ": same exams, same summary");
            if (!Double.isNaN(row.ratio())) {
                assertEquals(1, row.ratio(), 1e-12, row.name());
            }
        }
        int rows = 0;
        for (Measure m : Measure.values()) {
            rows += m.width();
        }
        assertEquals(rows, c.table().rowCount());
        DataComparison.Row r = c.row(Measure.R_AMPLITUDE, Lead.V5);
        assertTrue(r.a().n() >= 9 && r.a().q1() <= r.a().median() && r.a().median() <= r.a().q3(), r.toString());
    }

    @Test
    void theSampleIsSeededAndBounded() {
        var exams = org.ecgleadlab.data.CodeDataset.open(data.code15()).exams();
        assertEquals(DataSideMeasures.sample(exams, 5, 1), DataSideMeasures.sample(exams, 5, 1));
        assertTrue(!DataSideMeasures.sample(exams, 5, 1).equals(DataSideMeasures.sample(exams, 5, 2)));
        assertEquals(exams.size(), DataSideMeasures.sample(exams, 1000, 1).size());
    }

    @Test
    void theCommandWritesTableJsonPlotsAndProvenance() throws Exception {
        Path out = temp.resolve("out");
        String printed = CliCapture.run(0, new CompareDataCommand(), data.codeTest().toString(),
                data.code15().toString(), "--max-exams", "8", "--names", "test,train", "-o", out.toString());
        CliCapture.run(Cli.USER_ERROR, new CompareDataCommand(), data.codeTest().toString(), "--max-exams", "0");
        for (String file : new String[] {"comparison.csv", "comparison.md", "comparison.json", "provenance.json",
            "amplitudes.png", "noise.png", "intervals.png", "spectra.png"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(printed.contains("A = test: 8 of 20 exams") && printed.contains("QRS p2p"), printed);
        assertTrue(Files.readString(out.resolve("comparison.json")).contains("\"R_AMPLITUDE\""));
    }

    @Test
    void perLeadPanelsNameEveryLeadOnTheAxis() throws Exception {
        DataComparison c = DataComparison.run(data.codeTest(), "x", data.code15(), "y", 6, 3, false);
        Figure noise = ComparisonPlots.noise(c);
        Path png = temp.resolve("noise-ticks.png");
        // XChart 3.8.8 widens the tick step until tick labels differ: a careless formatter loops or drops the names
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> noise.savePng(png));
        assertTrue(Files.size(png) > 0, "the figure is written");
        List<String> names = Arrays.stream(Lead.values()).map(Lead::label).toList();
        for (Chart<?, ?> panel : noise.charts()) {
            List<String> shown = xTickLabels(panel).stream().filter(label -> !label.isBlank()).toList();
            assertEquals(names, shown, "x ticks of " + panel.getTitle());
        }
    }

    /** The x-axis tick labels XChart computed when it last painted {@code chart} (its axes are not public). */
    private static List<String> xTickLabels(Chart<?, ?> chart) throws ReflectiveOperationException {
        Field axes = Chart.class.getDeclaredField("axisPair");
        axes.setAccessible(true);
        return ((AxisPair<?, ?>) axes.get(chart)).getXAxis().getAxisTickCalculator().getTickLabels();
    }

    @Test
    void leadTicksAreNamesAndEveryOtherWholeNumberGetsItsOwnBlank() {
        assertEquals("I", ComparisonPlots.leadTick(1.0));
        assertEquals("aVR", ComparisonPlots.leadTick(4.0));
        assertEquals("V6", ComparisonPlots.leadTick(12.0));
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (int i = -20; i <= 30; i++) {
            assertTrue(labels.add(ComparisonPlots.leadTick(i)), "tick " + i + " repeats a label");
        }
        assertEquals("", ComparisonPlots.leadTick(0.5));
        assertTrue(!ComparisonPlots.leadTick(0.0).equals(ComparisonPlots.leadTick(13.0)), "the axis ends differ");
    }
}
