package org.ecgleadlab.explain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Figure;
import org.ecgleadlab.report.Plots;
import org.ecgleadlab.report.Tables;
import tech.tablesaw.api.Table;

/** The patient-specific rankings ({@link PerExamRanking}) as a table, a CSV of every exam and a figure. */
public final class PerExamReport {
    private PerExamReport() {
    }

    /** How many exams put each lead first, and in their own Top-3. */
    public static Table summaryTable(List<PerExamRanking.ExamRanking> rankings) {
        int[] first = PerExamRanking.countInTop(rankings, 1);
        int[] top3 = PerExamRanking.countInTop(rankings, 3);
        Tables.Builder table = Tables.builder("Per-exam rankings (" + rankings.size() + " exams)", "Lead",
                "Exams ranking it first", "Share first", "Exams with it in Top-3", "Share in Top-3");
        for (Lead lead : Lead.values()) {
            int l = lead.channel();
            table.row(lead.label(), first[l], (double) first[l] / rankings.size(), top3[l],
                    (double) top3[l] / rankings.size());
        }
        return table.build();
    }

    /**
     * Writes {@code per-exam-ranking.csv} (exam id, the record's name from {@code recordNames}, empty for CODE exams,
     * ranks and scores), {@code per-exam-summary.csv} and the {@code per-exam} figure.
     */
    static List<Path> write(List<PerExamRanking.ExamRanking> rankings, Map<Long, String> recordNames, Path folder) {
        List<Path> written = new ArrayList<>();
        written.add(writePerExam(rankings, recordNames, folder.resolve("per-exam-ranking.csv")));
        written.add(Tables.saveCsv(summaryTable(rankings), folder.resolve("per-exam-summary.csv")));
        written.addAll(Figure.of(shareBars(rankings)).save(folder.resolve("per-exam")));
        return written;
    }

    /** Per lead, the share of exams whose own ranking puts it first, and in their Top-3. */
    static org.knowm.xchart.CategoryChart shareBars(List<PerExamRanking.ExamRanking> rankings) {
        int[] first = PerExamRanking.countInTop(rankings, 1);
        int[] top3 = PerExamRanking.countInTop(rankings, 3);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("ranked first", Arrays.stream(first).mapToDouble(n -> (double) n / rankings.size()).toArray());
        series.put("in the exam's Top-3", Arrays.stream(top3).mapToDouble(n -> (double) n / rankings.size()).toArray());
        return Plots.bars("Patient-specific rankings (" + rankings.size() + " exams)", "Lead", "Share of exams",
                Arrays.stream(Lead.values()).map(Lead::label).toList(), series);
    }

    private static Path writePerExam(List<PerExamRanking.ExamRanking> rankings, Map<Long, String> recordNames,
                                     Path file) {
        List<String> columns = new ArrayList<>(List.of("exam_id", "record"));
        for (int r = 1; r <= Lead.COUNT; r++) {
            columns.add("rank" + r);
        }
        Arrays.stream(Lead.values()).forEach(l -> columns.add("score_" + l.label()));
        Tables.Builder table = Tables.builder("per-exam", columns.toArray(String[]::new));
        for (PerExamRanking.ExamRanking ranking : rankings) {
            List<Object> row = new ArrayList<>(List.of(Long.toString(ranking.examId()),
                    recordNames.getOrDefault(ranking.examId(), "")));
            ranking.order().forEach(l -> row.add(l.label()));
            Arrays.stream(ranking.finalScores()).forEach(row::add);
            table.row(row.toArray());
        }
        return Tables.saveCsv(table.build(), file);
    }
}
