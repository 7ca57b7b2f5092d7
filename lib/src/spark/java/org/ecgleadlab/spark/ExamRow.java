package org.ecgleadlab.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.ExamInfo;

/**
 * An {@link ExamInfo} as a task receives it: the same fields, the file as an absolute path string (a {@link Path} does
 * not serialize). The task reads the tracing itself, from the file every node sees.
 */
record ExamRow(long examId, long patientId, float[] labels, String file, int row, String source)
        implements Serializable {
    static ExamRow of(ExamInfo exam) {
        return new ExamRow(exam.examId(), exam.patientId(), exam.labels(),
                exam.file().toAbsolutePath().normalize().toString(), exam.row(), exam.source());
    }

    ExamInfo exam() {
        return new ExamInfo(examId, patientId, labels, Path.of(file), row, source);
    }

    static List<ExamInfo> exams(List<ExamRow> rows) {
        return rows.stream().map(ExamRow::exam).toList();
    }
}
