package org.ecgleadlab.data;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;

/**
 * Which split each exam belongs to, saved beside results as a CSV with columns {@code exam_id,split} so that a run can
 * be traced and repeated on exactly the same exams.
 */
public final class SplitMembership {
    private final Map<Long, String> splitByExam;

    private SplitMembership(Map<Long, String> splitByExam) {
        this.splitByExam = Collections.unmodifiableMap(new TreeMap<>(splitByExam));
    }

    /** Membership from named exam lists; an exam in two lists is an error. */
    public static SplitMembership of(Map<String, List<ExamInfo>> splits) {
        Map<Long, String> byExam = new LinkedHashMap<>();
        splits.forEach((split, exams) -> {
            for (ExamInfo exam : exams) {
                String previous = byExam.putIfAbsent(exam.examId(), split);
                if (previous != null && !previous.equals(split)) {
                    throw new IllegalArgumentException("exam " + exam.examId() + " is in both " + previous + " and "
                            + split);
                }
            }
        });
        return new SplitMembership(byExam);
    }

    /** Exam id → split name, ordered by exam id. */
    public Map<Long, String> splitByExam() {
        return splitByExam;
    }

    /** The exams of {@code exams} that belong to {@code split}, in the given order. */
    public List<ExamInfo> select(List<ExamInfo> exams, String split) {
        List<ExamInfo> selected = new ArrayList<>();
        for (ExamInfo exam : exams) {
            if (split.equals(splitByExam.get(exam.examId()))) {
                selected.add(exam);
            }
        }
        return selected;
    }

    /** Writes {@code exam_id,split} rows atomically. */
    public void save(Path csv) {
        AtomicFiles.write(csv, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                    .setHeader("exam_id", "split").setRecordSeparator('\n').get());
            for (Map.Entry<Long, String> entry : splitByExam.entrySet()) {
                printer.printRecord(entry.getKey(), entry.getValue());
            }
            printer.flush();
        });
    }

    /** Reads a file written by {@link #save}. */
    public static SplitMembership load(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new EcgLabException(csv + ": split file not found; it is written beside the results of the run "
                    + "that made the split");
        }
        Map<Long, String> byExam = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderNames().equals(List.of("exam_id", "split"))) {
                throw new EcgLabException(csv + ": header " + parser.getHeaderNames() + "; expected exam_id,split");
            }
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (record.size() != 2) {
                    throw new EcgLabException(csv + ": line " + line + " has " + record.size()
                            + " fields; expected exam_id,split");
                }
                long examId;
                try {
                    examId = Long.parseLong(record.get(0));
                } catch (NumberFormatException e) {
                    throw new EcgLabException(csv + ": line " + line + ", field exam_id is not an integer; fix the row");
                }
                if (byExam.putIfAbsent(examId, record.get(1)) != null) {
                    throw new EcgLabException(csv + ": exam " + examId + " listed twice in field exam_id (line "
                            + line + "); remove the duplicate");
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new EcgLabException(csv + ": not a readable split file (" + e.getMessage() + ")", e);
        }
        return new SplitMembership(byExam);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SplitMembership m && m.splitByExam.equals(splitByExam);
    }

    @Override
    public int hashCode() {
        return splitByExam.hashCode();
    }
}
