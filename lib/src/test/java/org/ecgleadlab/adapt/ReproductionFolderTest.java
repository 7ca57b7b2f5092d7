package org.ecgleadlab.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.adapt.ReproductionFolder.FigureFile;
import org.ecgleadlab.adapt.ReproductionFolder.TableFile;
import org.ecgleadlab.metrics.MetricInterval;
import org.ecgleadlab.report.Figure;
import org.ecgleadlab.report.Plots;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import tech.tablesaw.api.Table;

class ReproductionFolderTest {
    private static final String METRICS = """
            subset,leads,strategy,run_key,metric,estimate,lower_95,upper_95
            12-lead,"I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6",baseline,aaa,macro_f1,0.88,0.85,0.90
            12-lead,"I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6",baseline,aaa,macro_accuracy,0.93,0.92,0.94
            12-lead,"I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6",baseline,aaa,macro_recall,0.85,0.80,0.87
            Top-2,"V1,I",reduced-channels,bbb,macro_f1,0.87,0.84,0.89
            Top-2,"V1,I",reduced-channels,bbb,macro_accuracy,0.92,0.91,0.93
            Top-2,"V1,I",reduced-channels,bbb,macro_recall,0.84,0.80,0.86
            Top-2,"V1,I",train-masking,ccc,macro_f1,0.10,0.05,0.15
            Bottom-3,"III,aVL,aVF",reduced-channels,ddd,macro_f1,0.70,0.60,0.72
            Bottom-3,"III,aVL,aVF",reduced-channels,ddd,macro_accuracy,0.96,0.95,0.97
            Bottom-3,"III,aVL,aVF",reduced-channels,ddd,macro_recall,0.57,0.50,0.60
            """;
    private static final String TABLE2 = """
            Lead Subset,F1,Accuracy,Recall,Precision,F1 95% CI,Recall 95% CI,p F1 vs 12-lead,Paper F1,Paper Accuracy,Paper Recall
            12-Lead (Baseline),0.88,0.93,0.85,0.9,"[0.850, 0.900]","[0.800, 0.870]",,0.885,0.927,0.848
            "Top-2 (V1, I)",0.87,0.92,0.84,0.9,"[0.840, 0.890]","[0.800, 0.860]",0.4,0.885,0.925,0.849
            "Bottom-3 (III, aVL, aVF)",0.7,0.96,0.57,0.8,"[0.600, 0.720]","[0.500, 0.600]",0.001,0.71,0.968,0.576
            """;

    private static Path writeFolder(Path dir) throws Exception {
        Files.writeString(dir.resolve("table1.csv"), "Lead Subset,Evaluation Method,F1,Recall\n(12-lead),Baseline,0.88,0.0\n");
        Files.writeString(dir.resolve("table2.csv"), TABLE2);
        Files.writeString(dir.resolve("metrics.csv"), METRICS);
        Provenance.builder("reproduce-tables").seed(1L).config("profile", "quick").build()
                .write(dir.resolve("provenance.json"));
        Figure.of(Plots.bars("F1", "leads", "F1", List.of("1"), Map.of("x", new double[] {0.5})))
                .savePng(dir.resolve("f1-vs-leads.png"));
        return dir;
    }

    @Test
    void readsTablesMetricsFiguresAndProvenanceBack(@TempDir Path dir) throws Exception {
        ReproductionFolder folder = ReproductionFolder.open(writeFolder(dir));
        Table table2 = folder.table(TableFile.TABLE2);
        assertTrue(table2.name().startsWith("Table 2."), table2.name());
        assertEquals(3, table2.rowCount());
        assertEquals(0.57, table2.doubleColumn("Recall").getDouble(2), 1e-12);
        // A column of whole values still reads as decimals (printed with 3 decimals, highlighted as a score).
        assertEquals(0.0, folder.table(TableFile.TABLE1).doubleColumn("Recall").getDouble(0), 0);
        assertEquals("quick", folder.provenance().configuration().get("profile"));
        assertEquals(500, folder.figure(FigureFile.F1_VS_LEADS).getHeight());

        Map<String, MetricInterval> top2 = folder.intervals("Top-2", Strategy.REDUCED_CHANNELS);
        assertEquals(List.of("macro_f1", "macro_accuracy", "macro_recall"), new ArrayList<>(top2.keySet()));
        assertEquals(0.84, top2.get("macro_f1").lower(), 1e-12);
        assertTrue(folder.intervals("Top-3", Strategy.REDUCED_CHANNELS).isEmpty());
    }

    @Test
    void ablationChartShowsTable2WithTheLargerHalfOfEachInterval(@TempDir Path dir) throws Exception {
        CategoryChart chart = ReproductionFolder.open(writeFolder(dir)).ablationChart();
        assertEquals(List.of("12-lead baseline", "Top-2, reduced channels", "Bottom-3, reduced channels"),
                new ArrayList<>(chart.getSeriesMap().keySet()));
        CategorySeries bottom = chart.getSeriesMap().get("Bottom-3, reduced channels");
        assertEquals(List.of(0.7, 0.96, 0.57), new ArrayList<>(bottom.getYData()));
        // F1 0.70 in [0.60, 0.72]: the larger half is 0.10.
        assertEquals(0.10, new ArrayList<>(bottom.getExtraValues()).get(0).doubleValue(), 1e-12);
        Figure.of(chart).image();
    }

    @Test
    void missingFolderOrFileIsExplained(@TempDir Path dir) throws Exception {
        assertFalse(ReproductionFolder.isPresent(dir));
        EcgLabException missing = assertThrows(EcgLabException.class, () -> ReproductionFolder.open(dir));
        assertTrue(missing.getMessage().contains("reproduce-tables"), missing.getMessage());
        ReproductionFolder folder = ReproductionFolder.open(writeFolder(dir));
        assertThrows(EcgLabException.class, () -> folder.figure(FigureFile.PER_CLASS_F1));
        assertThrows(EcgLabException.class, () -> folder.table(TableFile.PAIRED_TESTS));
    }
}
