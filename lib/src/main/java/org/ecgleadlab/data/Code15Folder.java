package org.ecgleadlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecgleadlab.util.EcgLabException;

/**
 * A CODE-15% folder: {@code exams.csv} and the {@code exams_part*.hdf5} files present. Labels are joined to tracings
 * by exam_id, never by position; a CSV row whose part was not downloaded is skipped and counted, one whose part is
 * present but lacks the exam is a problem the report lists.
 */
final class Code15Folder {
    private static final Pattern PART = Pattern.compile("exams_part(\\d{1,6})\\.hdf5");

    private Code15Folder() {
    }

    /** Opens the folder: labels from exams.csv joined to every part's tracings by exam_id. */
    static CodeDataset open(Path dir) {
        Path csv = dir.resolve(CodeFormat.EXAMS_CSV);
        List<Path> parts = partFiles(dir);
        if (parts.isEmpty()) {
            throw new EcgLabException(dir + ": no exams_part*.hdf5 file beside " + CodeFormat.EXAMS_CSV
                    + "; download at least one CODE-15% part");
        }
        Map<Long, LabelCsv.ExamRow> labels = LabelCsv.readExams(csv);
        List<ExamInfo> exams = new ArrayList<>();
        Map<Long, Path> foundIn = new HashMap<>();
        int padding = 0;
        for (Path part : parts) {
            long[] ids;
            try (TracingFile file = TracingFile.open(part)) {
                ids = file.examIds();
            }
            for (int row = 0; row < ids.length; row++) {
                long id = ids[row];
                LabelCsv.ExamRow label = labels.get(id);
                if (label == null && id == 0) {
                    padding++; // CODE-15% parts end with an unlabelled all-zero row whose exam_id is 0
                    continue;
                }
                if (label == null) {
                    throw new EcgLabException(part + ": exam " + id + " (row " + row + "), field exam_id has no row in "
                            + csv + "; use the exams.csv that came with this part");
                }
                Path previous = foundIn.putIfAbsent(id, part);
                if (previous != null) {
                    throw new EcgLabException(part + ": exam " + id + " (row " + row + "), field exam_id also occurs in "
                            + previous + "; exam ids must be unique, remove the duplicate");
                }
                exams.add(new ExamInfo(id, label.patientId(), label.labels(), part, row, "code15"));
            }
        }
        return new CodeDataset(exams, report(dir, csv, parts, labels, foundIn.keySet(), exams, padding));
    }

    /** Counts CSV rows without a tracing: skipped when their part is absent, a problem when it is present. */
    private static DataReport report(Path dir, Path csv, List<Path> parts, Map<Long, LabelCsv.ExamRow> labels,
            Set<Long> found, List<ExamInfo> exams, int padding) {
        Set<String> present = new HashSet<>();
        parts.forEach(p -> present.add(p.getFileName().toString()));
        Set<String> absent = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int skipped = 0;
        int problemCount = 0;
        List<LabelCsv.ExamRow> unmatched = labels.values().stream().filter(r -> !found.contains(r.examId()))
                .sorted(Comparator.comparingLong(LabelCsv.ExamRow::line)).toList();
        for (LabelCsv.ExamRow row : unmatched) {
            if (present.contains(row.traceFile())) {
                problemCount++;
                if (problems.size() < DataReport.MAX_LISTED_PROBLEMS) {
                    problems.add(csv + ": line " + row.line() + ", exam " + row.examId() + ": trace_file names "
                            + row.traceFile() + " but that part has no such exam_id; row skipped");
                }
            } else {
                skipped++;
                if (!row.traceFile().isEmpty()) {
                    absent.add(row.traceFile());
                }
            }
        }
        List<String> absentParts = absent.stream().sorted(Comparator.comparingInt(Code15Folder::partIndex)
                .thenComparing(Comparator.naturalOrder())).toList();
        return new DataReport(List.of(dir), CodeDataset.Format.CODE15, exams.size(), CodeDataset.countPatients(exams),
                parts, skipped, absentParts, padding, problemCount, problems);
    }

    /** The part files present in {@code dir}, in part-number order. */
    static List<Path> partFiles(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> PART.matcher(p.getFileName().toString()).matches())
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted(Comparator.comparingInt((Path p) -> partIndex(p.getFileName().toString())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static int partIndex(String name) {
        Matcher m = PART.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
