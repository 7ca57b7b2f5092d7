package org.ecgleadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny growth run (20 and 60 exams, ecg-info and predict, child JVMs under -Xmx1g): every row has its exams, a
 * start-up mark, peaks from the child, exit 0; the CSV gets the rows and the plot its two files.
 */
class GrowthBenchmarkTest {
    /** The front end's child main, named as the front end names it (bench must not import cli). */
    private static final String CHILD_MAIN = "org.ecgleadlab.cli.GrowthChild";

    @TempDir
    Path dir;

    @Test
    void smallGrowthRunWritesTheRowsAndThePlot() throws IOException {
        GrowthOptions options = new GrowthOptions(List.of(20, 60), 0, dir.resolve("data"),
                Set.of(GrowthJob.ECG_INFO, GrowthJob.PREDICT), 0, 24, 0, 1, "1g", CHILD_MAIN, dir.resolve("work"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<GrowthRow> rows = GrowthBenchmark.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(4, rows.size());
        for (GrowthRow row : rows) {
            ChildRun run = row.run();
            assertEquals(0, run.exitCode(), row + " failed: " + run.errorTail());
            assertEquals(row.size(), row.exams(), row.toString());
            assertTrue(run.firstBatchSeconds() > 0 && run.firstBatchSeconds() < run.wallSeconds(), row.toString());
            assertTrue(run.peakHeapBytes() > 0 && run.peakHeapBytes() <= 1L << 30, row.toString());
            assertTrue(run.peakRssBytes() > run.peakHeapBytes() / 4, row.toString());
        }
        assertTrue(Files.readString(dir.resolve("work/code15-60/predict/predictions.csv")).lines().count() > 60);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("20 -> 60 exams"), printed.toString());

        Path table = dir.resolve("growth.csv");
        GrowthCsv.append(table, options.heap(), rows);
        GrowthCsv.append(table, options.heap(), rows.subList(0, 1));
        try (CSVParser parser = CSVParser.parse(table, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(GrowthCsv.HEADER, parser.getHeaderNames());
            List<CSVRecord> records = parser.getRecords();
            assertEquals(5, records.size());
            assertEquals("predict", records.get(1).get("job"));
            assertEquals("60", records.get(3).get("size"));
        }
        List<Path> plot = GrowthBenchmark.plot(rows, dir.resolve("growth"));
        assertEquals(List.of(dir.resolve("growth.png"), dir.resolve("growth.svg")), plot);
        assertTrue(Files.size(plot.get(0)) > 1000);
    }
}
