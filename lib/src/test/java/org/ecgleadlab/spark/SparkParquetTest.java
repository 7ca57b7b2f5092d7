package org.ecgleadlab.spark;

import static org.ecgleadlab.spark.SparkJobsEquivalence.args;
import static org.ecgleadlab.spark.SparkJobsEquivalence.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.EvaluateCommand;
import org.ecgleadlab.cli.PredictCommand;
import org.ecgleadlab.cli.RankLeadsCommand;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.evaluate.EvaluationReport;
import org.ecgleadlab.explain.PerExamReport;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.util.ExamTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format parquet} on {@code local[2]}: the Parquet that Spark reads back holds the rows of the single-JVM
 * command's CSV (same columns and order, typed; probabilities within 1e-6), the small files stay, nothing temporary is
 * left beside it, and where no per-exam rows are written the option is refused in one line.
 */
class SparkParquetTest {
    @TempDir
    static Path folder;
    static SyntheticDataset data;
    static SparkRunner spark;
    static ParquetOutput parquet;

    @BeforeAll
    static void tinyDataAndSession() {
        Progress.setQuiet(true);
        data = GeneratedData.tiny(folder, 40, 24, 12);
        SparkOptions options = new SparkOptions("local[2]", Map.of("spark.ui.enabled", "false"), 8, "parquet");
        spark = new SparkRunner(options, "test");
        parquet = new ParquetOutput(spark, options);
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void predictAsParquetHoldsTheSingleJvmRows() throws IOException {
        List<String> common = args(data.code15().toString(), "--device", "cpu", "--batch-size", "4");
        Path single = folder.resolve("predict-single");
        Path distributed = folder.resolve("predict-spark");
        run(new PredictCommand(), Map.of(), with(common, "-o", single.toString())).assertOk();
        run(new PredictCommand(new SparkScorer(spark), parquet), Map.of(), with(common, "-o", distributed.toString()))
                .assertOk();
        Path written = distributed.resolve("predictions.parquet");
        assertFalse(Files.exists(distributed.resolve(PredictCommand.PREDICTIONS_FILE)), "no CSV beside it");
        assertTrue(Files.isRegularFile(distributed.resolve("provenance.json")));
        assertSameRows(single.resolve(PredictCommand.PREDICTIONS_FILE), written, 1e-6, 0); // all 40 rows
        assertNothingTemporary(distributed);
    }

    @Test
    void rowsSpreadOverFilesComeBackInOrderAndASecondWriteReplacesTheFirstWhole() throws IOException {
        ParquetOutput twoRowsPerFile = new ParquetOutput(spark, new SparkOptions("local[2]", Map.of(), null,
                "parquet"), 2);
        Path csv = folder.resolve("small").resolve("rows.csv");
        ExamTable.Builder five = ExamTable.builder().column("exam_id", ExamTable.Type.LONG)
                .column("name", ExamTable.Type.STRING);
        for (long id : new long[] {50, 10, 40, 20, 30}) {
            five.row(id, "exam " + id);
        }
        Path written = twoRowsPerFile.write(five.build(), csv);
        assertEquals(folder.resolve("small").resolve("rows.parquet"), written);
        try (Stream<Path> files = Files.list(written)) {
            assertEquals(3, files.filter(p -> p.toString().endsWith(".parquet")).count(), "3 files of <= 2 rows");
        }
        assertEquals(List.of(50L, 10L, 40L, 20L, 30L), sortedByPosition(read(written)).stream()
                .map(row -> row.getLong(0)).toList());

        twoRowsPerFile.write(ExamTable.builder().column("exam_id", ExamTable.Type.LONG)
                .column("name", ExamTable.Type.STRING).row(7L, "seven").build(), csv);
        assertEquals(List.of(7L), sortedByPosition(read(written)).stream().map(row -> row.getLong(0)).toList());
        assertNothingTemporary(written.getParent());
    }

    @Test
    void evaluateWritesItsPredictionsAsParquetAndTheReportAsCsv() throws IOException {
        List<String> common = args(data.codeTest().toString(), "--device", "cpu", "--batch-size", "4",
                "--bootstrap", "10");
        Path single = folder.resolve("evaluate-single");
        Path distributed = folder.resolve("evaluate-spark");
        run(new EvaluateCommand(), Map.of(), with(common, "-o", single.toString())).assertOk();
        run(new EvaluateCommand(new SparkScorer(spark), parquet), Map.of(), with(common, "-o",
                distributed.toString())).assertOk();
        assertSameRows(single.resolve(EvaluationReport.PREDICTIONS), distributed.resolve("predictions.parquet"),
                1e-6, 0);
        assertEquals(Files.readString(single.resolve(EvaluationReport.METRICS_CSV)),
                Files.readString(distributed.resolve(EvaluationReport.METRICS_CSV)));
    }

    @Test
    void perExamRankingAsParquetHoldsTheSingleJvmRows() throws IOException {
        List<String> common = args("--data", data.codeTest() + "," + data.audit(), "--exams", "6", "--ig-steps", "4",
                "--bootstrap", "0", "--batch-size", "2", "--device", "cpu", "--per-exam");
        Path single = folder.resolve("rank-single");
        Path distributed = folder.resolve("rank-spark");
        // one libtorch thread as in a task, so Integrated Gradients refines the same intervals (docs/spark.md)
        run(new RankLeadsCommand(), Map.of(), with(common, "--threads", "1", "-o", single.toString())).assertOk();
        run(new RankLeadsCommand(new SparkAnalyser(spark), parquet), Map.of(), with(common, "-o",
                distributed.toString())).assertOk();
        assertSameRows(single.resolve(PerExamReport.RANKING_CSV), distributed.resolve("per-exam-ranking.parquet"),
                0, 1e-5);
        assertEquals(RankingFile.read(single.resolve(RankingFile.FILE_NAME)).order(),
                RankingFile.read(distributed.resolve(RankingFile.FILE_NAME)).order());
        assertTrue(Files.isRegularFile(distributed.resolve("per-exam-summary.csv")), "the small files stay CSV");
        assertFalse(Files.exists(distributed.resolve(PerExamReport.RANKING_CSV)));
        assertNothingTemporary(distributed);
    }

    @Test
    void parquetWhereNoPerExamRowsAreWrittenIsRefusedInOneLine() {
        Path out = folder.resolve("refused");
        SparkJobsEquivalence.Run ranking = run(new RankLeadsCommand(new SparkAnalyser(spark), parquet), Map.of(),
                args("--exams", "2", "-o", out.toString()));
        assertEquals(Cli.USER_ERROR, ranking.code(), ranking.stderr());
        assertTrue(ranking.line("rank-leads: error:").contains("--per-exam"), ranking.stderr());
        SparkJobsEquivalence.Run logits = run(new PredictCommand(new SparkScorer(spark), parquet), Map.of(),
                args("--npz-input", "x.npz", "-o", out.toString()));
        assertEquals(Cli.USER_ERROR, logits.code(), logits.stderr());
        assertTrue(logits.line("predict: error:").contains("--npz-input"), logits.stderr());
        assertFalse(Files.exists(out));
        SparkJobsEquivalence.Run single = run(new PredictCommand(), Map.of(), args(data.code15().toString(),
                "--format", "parquet", "-o", out.toString()));
        assertEquals(Cli.USER_ERROR, single.code(), single.stderr()); // the single-JVM command has no --format
        assertTrue(single.stderr().lines().anyMatch(l -> l.startsWith("Unknown option") && l.contains("'--format'")),
                single.stderr());
        assertEquals(Cli.USER_ERROR, SparkJobs.run("adapt", "--format", "parquet"));
        assertEquals(Cli.USER_ERROR, SparkJobs.run("predict", data.code15().toString(), "--format", "xml",
                "--master", "local[1]", "-o", out.toString()));
        assertFalse(Files.exists(out));
    }

    /**
     * The Parquet's rows sorted by position equal the CSV's: same columns (the CSV's header, then position), longs,
     * ints, floats and doubles typed so, numbers within {@code absolute} (floats) or {@code relative} (doubles).
     */
    private static void assertSameRows(Path csv, Path parquetFolder, double absolute, double relative)
            throws IOException {
        Dataset<Row> table = read(parquetFolder);
        List<String> header;
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(csv);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setHeader()
                     .setSkipHeaderRecord(true).get())) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        }
        List<String> columns = new ArrayList<>(header);
        columns.add(ParquetOutput.POSITION);
        assertEquals(columns, List.of(table.columns()));
        List<Row> rows = sortedByPosition(table);
        assertEquals(records.size(), rows.size(), "rows");
        StructField[] fields = table.schema().fields();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            assertEquals(r, row.getLong(header.size()), "position");
            for (int c = 0; c < header.size(); c++) {
                String expected = records.get(r).get(c);
                DataType type = fields[c].dataType();
                String where = csv.getFileName() + " row " + r + " " + header.get(c);
                if (type.equals(DataTypes.FloatType)) {
                    assertEquals(Float.parseFloat(expected), row.getFloat(c), absolute, where);
                } else if (type.equals(DataTypes.DoubleType)) {
                    double x = Double.parseDouble(expected);
                    assertEquals(x, row.getDouble(c), relative * Math.abs(x) + 1e-12, where);
                } else if (type.equals(DataTypes.LongType)) {
                    assertEquals(Long.parseLong(expected), row.getLong(c), where);
                } else if (type.equals(DataTypes.IntegerType)) {
                    assertEquals(Integer.parseInt(expected), row.getInt(c), where);
                } else {
                    assertEquals(DataTypes.StringType, type, where);
                    assertEquals(expected, row.getString(c), where);
                }
            }
        }
    }

    /** Every row, sorted on the driver by position (a Spark sort would shuffle: slow for a few rows). */
    private static List<Row> sortedByPosition(Dataset<Row> table) {
        int position = List.of(table.columns()).indexOf(ParquetOutput.POSITION);
        List<Row> rows = new ArrayList<>(table.collectAsList());
        rows.sort(java.util.Comparator.comparingLong(row -> row.getLong(position)));
        return rows;
    }

    private static Dataset<Row> read(Path parquetFolder) {
        assertTrue(Files.isRegularFile(parquetFolder.resolve("_SUCCESS")), parquetFolder + " complete");
        return spark.session().read().parquet(parquetFolder.toUri().toString());
    }

    private static void assertNothingTemporary(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            List<String> hidden = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), hidden, "temporary folders left in " + output);
        }
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }
}
