package org.ecgleadlab.metrics;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ExamTable;

/**
 * Every prediction of a model as a plain CSV, so anyone can recompute the metrics with another tool (pandas +
 * scikit-learn, R, a spreadsheet). One row per exam:
 * <pre>
 * exam_id,prob_1dAVb,prob_RBBB,prob_LBBB,prob_SB,prob_AF,prob_ST,label_1dAVb,label_RBBB,label_LBBB,label_SB,label_AF,label_ST
 * 1234,0.91,0.002,...,1,0,...
 * </pre>
 * Probabilities are written with the shortest text that reads back to the same float, labels as 0/1. Files of
 * {@code predict} and {@code evaluate} carry a {@code record} column after {@code exam_id}: the WFDB / PTB-XL
 * record's path under its dataset root ({@code g1/JS00001}), empty for CODE HDF5 exams. Readers find columns by
 * name, so files with and without it read alike.
 */
public final class PredictionsFile {
    public static final String EXAM_ID = "exam_id";
    /** The optional column naming each exam's record. */
    public static final String RECORD = "record";
    public static final String PROBABILITY_PREFIX = "prob_";
    public static final String LABEL_PREFIX = "label_";

    private PredictionsFile() {
    }

    /** The header, in column order. */
    public static List<String> header() {
        List<String> header = new ArrayList<>();
        header.add(EXAM_ID);
        for (Condition c : Condition.values()) {
            header.add(PROBABILITY_PREFIX + c.column());
        }
        for (Condition c : Condition.values()) {
            header.add(LABEL_PREFIX + c.column());
        }
        return List.copyOf(header);
    }

    /** Writes {@code predictions} to {@code file} atomically; returns {@code file}. */
    public static Path write(Path file, Predictions predictions) {
        return write(file, predictions, null);
    }

    /**
     * Writes {@code predictions} with a {@link #RECORD} column after the exam id ({@code recordOf} gives each exam's
     * record name; ids it lacks get an empty one) atomically; returns {@code file}.
     */
    public static Path write(Path file, Predictions predictions, Map<Long, String> recordOf) {
        StringWriter text = new StringWriter();
        List<String> header = new ArrayList<>(header());
        if (recordOf != null) {
            header.add(1, RECORD);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\n").get();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            List<Object> row = new ArrayList<>(2 + 2 * Condition.COUNT);
            for (int i = 0; i < predictions.size(); i++) {
                row.clear();
                row.add(predictions.examIds()[i]);
                if (recordOf != null) {
                    row.add(recordOf.getOrDefault(predictions.examIds()[i], ""));
                }
                for (float p : predictions.probabilities()[i]) {
                    row.add(Float.toString(p));
                }
                for (float y : predictions.labels()[i]) {
                    row.add(y == 1f ? "1" : "0");
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing CSV to memory cannot fail", e);
        }
        AtomicFiles.writeString(file, text.toString());
        return file;
    }

    /**
     * The rows {@link #write(Path, Predictions, Map)} writes, typed: {@code exam_id} long, {@code record} text (when
     * {@code recordOf} is given), probabilities float, labels int (0/1); same names, same order.
     */
    public static ExamTable table(Predictions predictions, Map<Long, String> recordOf) {
        ExamTable.Builder table = ExamTable.builder().column(EXAM_ID, ExamTable.Type.LONG);
        if (recordOf != null) {
            table.column(RECORD, ExamTable.Type.STRING);
        }
        for (String column : header().subList(1, header().size())) {
            table.column(column, column.startsWith(PROBABILITY_PREFIX) ? ExamTable.Type.FLOAT : ExamTable.Type.INT);
        }
        for (int i = 0; i < predictions.size(); i++) {
            long id = predictions.examIds()[i];
            Object[] row = new Object[(recordOf != null ? 2 : 1) + 2 * Condition.COUNT];
            int at = 0;
            row[at++] = id;
            if (recordOf != null) {
                row[at++] = recordOf.getOrDefault(id, "");
            }
            for (float p : predictions.probabilities()[i]) {
                row[at++] = p;
            }
            for (float y : predictions.labels()[i]) {
                row[at++] = y == 1f ? 1 : 0;
            }
            table.row(row);
        }
        return table.build();
    }

    /** Reads a file written by {@link #write}; columns are found by name, so extra columns are ignored. */
    public static Predictions read(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(file); CSVParser parser = CSVParser.parse(reader, format)) {
            for (String column : header()) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new EcgLabException("predictions file " + file + " has no column '" + column
                            + "'; expected the header " + String.join(",", header()));
                }
            }
            List<Long> ids = new ArrayList<>();
            List<float[]> probabilities = new ArrayList<>();
            List<float[]> labels = new ArrayList<>();
            for (CSVRecord record : parser) {
                long id = parseId(file, record);
                float[] p = new float[Condition.COUNT];
                float[] y = new float[Condition.COUNT];
                for (Condition c : Condition.values()) {
                    p[c.index()] = parseFloat(file, record, id, PROBABILITY_PREFIX + c.column());
                    y[c.index()] = parseFloat(file, record, id, LABEL_PREFIX + c.column());
                }
                ids.add(id);
                probabilities.add(p);
                labels.add(y);
            }
            long[] idArray = ids.stream().mapToLong(Long::longValue).toArray();
            try {
                return new Predictions(idArray, probabilities.toArray(float[][]::new), labels.toArray(float[][]::new));
            } catch (EcgLabException e) {
                throw new EcgLabException("predictions file " + file + ": " + e.getMessage(), e);
            }
        } catch (NoSuchFileException e) {
            throw new EcgLabException("predictions file " + file + " does not exist; run the evaluation that writes it");
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new EcgLabException("cannot read predictions file " + file + ": " + e.getMessage()
                    + "; it must be a CSV with the header " + String.join(",", header()), e);
        }
    }

    /** Exam id → record name from a file's {@link #RECORD} column; empty for a file without one (older files). */
    public static Map<Long, String> readRecordNames(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        Map<Long, String> names = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file); CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderMap().containsKey(RECORD)) {
                return names;
            }
            for (CSVRecord record : parser) {
                names.put(parseId(file, record), record.get(RECORD));
            }
            return names;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new EcgLabException("cannot read predictions file " + file + ": " + e.getMessage()
                    + "; it must be a CSV with the header " + String.join(",", header()), e);
        }
    }

    private static long parseId(Path file, CSVRecord record) {
        String text = record.get(EXAM_ID);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new EcgLabException("predictions file " + file + ", line " + record.getRecordNumber()
                    + ": exam_id '" + text + "' is not an integer");
        }
    }

    private static float parseFloat(Path file, CSVRecord record, long id, String column) {
        String text = record.get(column);
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new EcgLabException("predictions file " + file + ", exam " + id + ": " + column + " is '" + text
                    + "', not a number");
        }
    }
}
