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
import org.ecgleadlab.util.ExamTable;
import org.ecgleadlab.util.PerExamOutput;
import tech.tablesaw.api.Table;

/** The patient-specific rankings ({@link PerExamRanking}) as a table, a CSV of every exam and a figure. */
public final class PerExamReport {
    /** Every exam's own ranking, one row each. */
    public static final String RANKING_CSV = "per-exam-ranking.csv";

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
        return write(rankings, recordNames, folder, PerExamOutput.CSV);
    }

    /** {@link #write(List, Map, Path)} with the per-exam ranking in {@code output}'s format (the rest stays CSV). */
    static List<Path> write(List<PerExamRanking.ExamRanking> rankings, Map<Long, String> recordNames, Path folder,
                            PerExamOutput output) {
        List<Path> written = new ArrayList<>();
        written.add(output.write(folder.resolve(RANKING_CSV), () -> table(rankings, recordNames),
                file -> writePerExam(rankings, recordNames, file)));
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

    /**
     * The per-exam ranking's columns: exam id (long), record name (text), the leads in rank order (text), each lead's
     * final score (double).
     */
    static List<ExamTable.Column> columns() {
        List<ExamTable.Column> columns = new ArrayList<>(List.of(new ExamTable.Column("exam_id", ExamTable.Type.LONG),
                new ExamTable.Column("record", ExamTable.Type.STRING)));
        for (int r = 1; r <= Lead.COUNT; r++) {
            columns.add(new ExamTable.Column("rank" + r, ExamTable.Type.STRING));
        }
        Arrays.stream(Lead.values()).forEach(l -> columns.add(new ExamTable.Column("score_" + l.label(),
                ExamTable.Type.DOUBLE)));
        return columns;
    }

    /** The rows of {@value #RANKING_CSV}, typed as {@link #columns()} says. */
    static ExamTable table(List<PerExamRanking.ExamRanking> rankings, Map<Long, String> recordNames) {
        List<Object[]> rows = new ArrayList<>(rankings.size());
        for (PerExamRanking.ExamRanking ranking : rankings) {
            List<Object> row = new ArrayList<>(List.of(ranking.examId(),
                    recordNames.getOrDefault(ranking.examId(), "")));
            ranking.order().forEach(l -> row.add(l.label()));
            Arrays.stream(ranking.finalScores()).forEach(row::add);
            rows.add(row.toArray());
        }
        return new ExamTable(columns(), rows);
    }

    private static Path writePerExam(List<PerExamRanking.ExamRanking> rankings, Map<Long, String> recordNames,
                                     Path file) {
        Tables.Builder table = Tables.builder("per-exam",
                columns().stream().map(ExamTable.Column::name).toArray(String[]::new));
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
