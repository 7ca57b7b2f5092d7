package org.ecgleadlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spark bench} on a tiny dataset (single JVM, local[1], local[2]; the loopback cluster needs the application
 * jar and is left to the command): a row per job and mode, the exams each job scored, the derived figures consistent
 * with the rows (speed-up over local[1], efficiency = speed-up / cores, overhead over the single JVM) and the same
 * numbers in the CSV. No timing is asserted.
 */
class SparkBenchTest {
    @TempDir
    Path folder;

    @Test
    void everyJobAndModeGivesAConsistentRow() throws IOException {
        Progress.setQuiet(true);
        SyntheticDataset data = GeneratedData.tiny(folder, 8, 12, 6);
        SparkBench.Config config = new SparkBench.Config(data.code15(), 1, List.of(data.codeTest(), data.audit()),
                List.of(ScalingMode.parse("single"), ScalingMode.parse("local1"), ScalingMode.parse("local2")),
                List.of("predict", "rank-leads"), Map.of("spark.ui.enabled", "false"), folder.resolve("bench"));
        List<ScalingRow> rows = new SparkBench(config).run();

        assertEquals(List.of("single predict", "single rank-leads", "local1 predict", "local1 rank-leads",
                "local2 predict", "local2 rank-leads"), rows.stream().map(r -> r.mode() + " " + r.job()).toList());
        ScalingTable table = new ScalingTable(rows);
        for (ScalingRow row : rows) {
            assertEquals(row.job().equals("predict") ? 8 : 1, row.exams(), row.toString());
            assertTrue(row.wallSeconds() > 0, row.toString());
            assertEquals(row.mode().equals("single") ? row.cores() : row.mode().equals("local1") ? 1 : 2, row.cores());
            assertTrue(row.sameOrder() != null, "compared with the single JVM: " + row);
            double speedup = table.speedup(row).orElseThrow();
            assertEquals(speedup / row.cores(), table.efficiency(row).orElseThrow(), 1e-12);
            assertEquals(row.wallSeconds() / rows.get(row.job().equals("predict") ? 0 : 1).wallSeconds() - 1,
                    table.overhead(row).orElseThrow(), 1e-12);
            if (row.job().equals("predict")) {
                assertTrue(row.sameOrder() && row.maxDiff() <= 1e-6, "the single JVM's rows: " + row);
            }
        }
        assertEquals(1.0, table.speedup(rows.get(2)).orElseThrow(), 1e-12);
        assertEquals(0.0, table.overhead(rows.get(0)).orElseThrow(), 1e-12);

        Path csv = folder.resolve("scaling.csv");
        table.append(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", ScalingTable.HEADER), lines.get(0));
        assertEquals(7, lines.size());
        List<String> local2 = List.of(lines.get(5).split(",", -1));
        assertEquals(List.of("predict", "local2", "local[2]", "2", "8"), local2.subList(4, 9));
        int speedup = ScalingTable.HEADER.indexOf("speedup_vs_local1");
        assertEquals(Double.parseDouble(local2.get(speedup)) / 2,
                Double.parseDouble(local2.get(ScalingTable.HEADER.indexOf("efficiency"))), 1e-4);
        assertEquals("true", local2.get(ScalingTable.HEADER.indexOf("same_order_as_single")));
    }

    @Test
    void aBadModeOrJobIsOneLine() {
        assertThrows(EcgLabException.class, () -> ScalingMode.parse("local"));
        assertThrows(EcgLabException.class, () -> ScalingMode.parse("cluster0"));
        assertEquals(Cli.USER_ERROR, SparkJobs.run("bench", "--modes", "single,everywhere", "--csv",
                folder.resolve("never.csv").toString()));
        assertEquals(Cli.USER_ERROR, SparkJobs.run("bench", "--jobs", "train", "--csv",
                folder.resolve("never.csv").toString()));
    }
}
