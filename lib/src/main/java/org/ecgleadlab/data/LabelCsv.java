package org.ecgleadlab.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ecgleadlab.util.EcgLabException;

/**
 * Reads the CODE label files: CODE-15% {@code exams.csv} (one row per exam, keyed by exam_id) and CODE-TEST
 * {@code gold_standard.csv} (rows in tracing order). Class columns are found by name, never by position, because
 * their order differs between files.
 */
final class LabelCsv {
    /** One row of exams.csv; {@code traceFile} is empty when the column is absent. */
    record ExamRow(long examId, long patientId, float[] labels, String traceFile, long line) {
    }

    private LabelCsv() {
    }

    /** Reads exams.csv; a duplicate exam_id, a bad id or a bad label value is an error naming line and field. */
    static Map<Long, ExamRow> readExams(Path csv) {
        Map<Long, ExamRow> rows = new HashMap<>();
        parse(csv, (parser, columns) -> {
            int examId = column(csv, parser, "exam_id");
            int patientId = column(csv, parser, "patient_id");
            Integer traceFile = parser.getHeaderMap().get("trace_file");
            for (CSVRecord record : parser) {
                long line = lineOf(csv, record);
                long id = parseId(csv, line, "exam_id", record.get(examId), false);
                float[] labels = labels(csv, record, columns, "exam " + id);
                long patient = parseId(csv, line, "patient_id", record.get(patientId), true);
                String part = traceFile == null ? "" : record.get(traceFile).trim();
                ExamRow previous = rows.putIfAbsent(id, new ExamRow(id, patient, labels, part, line));
                if (previous != null) {
                    throw new EcgLabException(csv + ": exam " + id + " appears twice in field exam_id (lines "
                            + previous.line() + " and " + line + "); remove the duplicate row");
                }
            }
        });
        return rows;
    }

    /** Reads gold_standard.csv: one label row per tracing, in tracing order. */
    static List<float[]> readGoldStandard(Path csv) {
        List<float[]> rows = new ArrayList<>();
        parse(csv, (parser, columns) -> {
            for (CSVRecord record : parser) {
                lineOf(csv, record);
                rows.add(labels(csv, record, columns, "tracing row " + rows.size()));
            }
        });
        return rows;
    }

    /** Parses a label: 0, 1, true or false (any case). */
    static float parseLabel(Path csv, String exam, String column, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> {
                return 1f;
            }
            case "0", "false" -> {
                return 0f;
            }
            default -> throw new EcgLabException(csv + ": " + exam + ", field " + column + " has value '" + value
                    + "'; labels must be 0, 1, true or false");
        }
    }

    private interface Body {
        void read(CSVParser parser, int[] classColumns) throws IOException;
    }

    private static void parse(Path csv, Body body) {
        if (!Files.isRegularFile(csv)) {
            throw new EcgLabException(csv + ": file not found; it holds the exam labels, download it with the tracings");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true).get();
        try (Reader reader = CsvFields.withoutByteOrderMark(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.parse(reader, format)) {
            int[] classColumns = new int[Condition.COUNT];
            for (Condition condition : Condition.values()) {
                classColumns[condition.index()] = column(csv, parser, condition.column());
            }
            body.read(parser, classColumns);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new EcgLabException(csv + ": not a readable CSV file (" + e.getMessage() + "); fix or re-download it",
                    e);
        }
    }

    /** Index of the column named {@code name} (case-insensitive), or an error listing what is expected. */
    private static int column(Path csv, CSVParser parser, String name) {
        for (Map.Entry<String, Integer> header : parser.getHeaderMap().entrySet()) {
            if (header.getKey().trim().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        throw new EcgLabException(csv + ": column '" + name + "' is missing (header: " + parser.getHeaderNames()
                + "); CODE label files need exam ids and the columns 1dAVb, RBBB, LBBB, SB, AF, ST");
    }

    /** The record's line in the file (the header is line 1), after checking it has one field per column. */
    private static long lineOf(Path csv, CSVRecord record) {
        long line = record.getRecordNumber() + 1;
        if (!record.isConsistent()) {
            throw new EcgLabException(csv + ": line " + line + " has " + record.size() + " fields but the header has "
                    + record.getParser().getHeaderNames().size() + "; fix the row");
        }
        return line;
    }

    private static float[] labels(Path csv, CSVRecord record, int[] classColumns, String exam) {
        float[] labels = new float[Condition.COUNT];
        for (Condition condition : Condition.values()) {
            labels[condition.index()] = parseLabel(csv, exam, condition.column(),
                    record.get(classColumns[condition.index()]));
        }
        return labels;
    }

    /** Parses an integer id; "123.0" (pandas' float output) is accepted; empty means unknown where allowed. */
    private static long parseId(Path csv, long line, String field, String value, boolean emptyIsUnknown) {
        if (value.trim().isEmpty() && emptyIsUnknown) {
            return ExamInfo.UNKNOWN_PATIENT;
        }
        return CsvFields.wholeNumber(csv, line, field, value, "an integer id");
    }
}
