package org.ecgleadlab.data.synthetic;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.WritableHdfFile;
import io.jhdf.storage.HdfFileChannel;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ecgleadlab.data.Condition;

/**
 * Writes the real CODE formats: HDF5 files with {@code tracings} (N, 4096, 12) float32 (and, for CODE-15%
 * parts, {@code exam_id} (N,) int64) through jhdf, and the CSV files in the columns and value spellings of
 * the published datasets (CODE-15% labels True/False, CODE-TEST gold standard 0/1).
 */
final class CodeFormatWriter {
    /** Model-order columns of CODE-TEST's {@code annotations/gold_standard.csv}. */
    static final String[] GOLD_STANDARD_HEADER = {"1dAVb", "RBBB", "LBBB", "SB", "AF", "ST"};

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    static {
        // jhdf logs every write at INFO and flags its writer as alpha at WARN; we verify the files in tests
        quietLogger("org.slf4j.simpleLogger.log.io.jhdf", "warn");
        quietLogger("org.slf4j.simpleLogger.log.io.jhdf.WritableHdfFile", "error");
    }

    private CodeFormatWriter() {
    }

    private static void quietLogger(String property, String level) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, level);
        }
    }

    /** Writes {@code tracings} (and {@code examIds} unless null) to a new HDF5 file. */
    static void writeTracings(Path file, float[][][] tracings, long[] examIds) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the folder of " + file + ": " + e.getMessage(), e);
        }
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            // jhdf tags the root with its version and OS; h5py files (and ours) do without, and jhdf's own
            // reader warns about that attribute's padding
            hdf.removeAttribute("_jHDF");
            bufferWrites(hdf);
            hdf.putDataset("tracings", tracings);
            if (examIds != null) {
                hdf.putDataset("exam_id", examIds);
            }
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("could not write HDF5 file " + file + ": " + e.getMessage(), e));
        }
    }

    /**
     * Routes jhdf's writes through a {@link BufferedFileChannel}: the same bytes with a few large writes instead of
     * millions of small ones, whose system calls would dominate generation (docs/data-formats.md). jhdf 0.9.4 offers
     * no hook for its channel, so this replaces two private fields of a freshly opened {@link WritableHdfFile}
     * (nothing is written before close). Returns false, leaving jhdf's own channel in place, if a later jhdf has
     * other internals; a test makes sure it works with the pinned version.
     */
    static boolean bufferWrites(WritableHdfFile hdf) {
        try {
            Field channelField = WritableHdfFile.class.getDeclaredField("fileChannel");
            Field hdfChannelField = WritableHdfFile.class.getDeclaredField("hdfFileChannel");
            Field superblockField = WritableHdfFile.class.getDeclaredField("superblock");
            for (Field f : new Field[] {channelField, hdfChannelField, superblockField}) {
                f.setAccessible(true);
            }
            FileChannel original = (FileChannel) channelField.get(hdf);
            BufferedFileChannel buffered = new BufferedFileChannel(original);
            hdfChannelField.set(hdf, new HdfFileChannel(buffered, (Superblock) superblockField.get(hdf)));
            channelField.set(hdf, buffered);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Writes a CODE-15% {@code exams.csv}. */
    static void writeExamsCsv(Path file, List<Code15Row> rows) {
        write(file, Code15Row.HEADER, printer -> {
            for (Code15Row row : rows) {
                printer.print(row.examId());
                printer.print(row.age());
                printer.print(pythonBool(row.male()));
                printer.print(decimal(row.nnPredictedAge()));
                for (Condition c : Code15Row.LABEL_COLUMNS) {
                    printer.print(pythonBool(row.labels().contains(c)));
                }
                printer.print(row.patientId());
                printer.print(row.death() == null ? "" : pythonBool(row.death()));
                printer.print(row.timey() == null ? "" : decimal(row.timey()));
                printer.print(pythonBool(row.normalEcg()));
                printer.print(row.traceFile());
                printer.println();
            }
        });
    }

    /** Writes a CODE-TEST {@code gold_standard.csv}: one 0/1 row per tracing, in tracing order. */
    static void writeGoldStandard(Path file, List<Set<Condition>> labels) {
        write(file, GOLD_STANDARD_HEADER, printer -> {
            for (Set<Condition> exam : labels) {
                for (String column : GOLD_STANDARD_HEADER) {
                    printer.print(exam.contains(Condition.fromColumn(column)) ? 1 : 0);
                }
                printer.println();
            }
        });
    }

    /** Writes a CODE-TEST {@code attributes.csv} (age, sex as M/F), in tracing order. */
    static void writeAttributes(Path file, int[] ages, boolean[] males) {
        write(file, new String[] {"age", "sex"}, printer -> {
            for (int i = 0; i < ages.length; i++) {
                printer.printRecord(ages[i], males[i] ? "M" : "F");
            }
        });
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static void write(Path file, String[] header, Rows rows) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(out, CSV)) {
                printer.printRecord((Object[]) header);
                rows.print(printer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** pandas writes booleans as True/False. */
    private static String pythonBool(boolean value) {
        return value ? "True" : "False";
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
