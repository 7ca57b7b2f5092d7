package org.ecgleadlab.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ExamTable;
import org.ecgleadlab.util.PerExamOutput;

/**
 * {@code --format}: the per-exam rows as the single-JVM command's CSV, or as Parquet written by Spark's DataFrame
 * writer. A Parquet output is a folder {@code NAME.parquet} with the CSV's columns (same names; long, int, float,
 * double or string as {@link ExamTable} types them) and one more, {@value #POSITION}: the row's 0-based place in the
 * CSV's order, the sort key that restores it. The rows are on the driver (predict prints its macro F1, evaluate and
 * rank-leads reduce every exam there); they are cut into partitions of {@value #ROWS_PER_FILE} rows that the
 * executors write, one file each, into a temporary folder beside the output, renamed into place when the job has
 * written them all: a failed job leaves nothing that looks complete.
 */
final class ParquetOutput implements PerExamOutput {
    /** The column giving each row's place in the CSV's order. */
    static final String POSITION = "position";
    /** Rows per Parquet file (and write task): 345,779 CODE-15% predictions make 7 files of a few MB. */
    static final int ROWS_PER_FILE = 50_000;

    private final SparkRunner spark;
    private final SparkOptions options;
    private final int rowsPerFile;

    ParquetOutput(SparkRunner spark, SparkOptions options) {
        this(spark, options, ROWS_PER_FILE);
    }

    /** With another number of rows per file (tests: several files from a few rows). */
    ParquetOutput(SparkRunner spark, SparkOptions options, int rowsPerFile) {
        this.spark = spark;
        this.options = options;
        this.rowsPerFile = rowsPerFile;
    }

    @Override
    public String format() {
        return options.format();
    }

    @Override
    public Path write(ExamTable table, Path csvFile) {
        Path target = target(csvFile).toAbsolutePath().normalize();
        Path temp;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
            Files.delete(temp); // Spark's writer makes the folder itself
        } catch (IOException e) {
            throw new EcgLabException("cannot write " + target + ": " + e.getMessage());
        }
        try {
            List<Row> rows = rows(table);
            int files = Math.max(1, (rows.size() + rowsPerFile - 1) / rowsPerFile);
            spark.session().createDataFrame(spark.context().parallelize(rows, files), schema(table))
                    .write().parquet(temp.toUri().toString());
            AtomicFiles.replaceFolder(temp, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + temp + " to " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof EcgLabException) {
                throw e;
            }
            throw new EcgLabException("writing " + target + " failed: " + SparkFailures.firstLine(e));
        } finally {
            AtomicFiles.deleteTree(temp);
        }
    }

    /** The table's columns as Spark types, then {@value #POSITION}. */
    static StructType schema(ExamTable table) {
        List<StructField> fields = new ArrayList<>();
        for (ExamTable.Column column : table.columns()) {
            fields.add(DataTypes.createStructField(column.name(), type(column.type()), false));
        }
        fields.add(DataTypes.createStructField(POSITION, DataTypes.LongType, false));
        return DataTypes.createStructType(fields);
    }

    private static DataType type(ExamTable.Type type) {
        return switch (type) {
            case LONG -> DataTypes.LongType;
            case INT -> DataTypes.IntegerType;
            case FLOAT -> DataTypes.FloatType;
            case DOUBLE -> DataTypes.DoubleType;
            case STRING -> DataTypes.StringType;
        };
    }

    private static List<Row> rows(ExamTable table) {
        List<Row> rows = new ArrayList<>(table.rows().size());
        long position = 0;
        for (Object[] values : table.rows()) {
            Object[] row = Arrays.copyOf(values, values.length + 1);
            row[values.length] = position++;
            rows.add(RowFactory.create(row));
        }
        return rows;
    }
}
