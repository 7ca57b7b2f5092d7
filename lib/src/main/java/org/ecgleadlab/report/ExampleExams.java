package org.ecgleadlab.report;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.TracingReader;

/**
 * Picks exams to show: for each condition the first exam that carries it alone (so its ECG shows that condition's
 * features and no other's), falling back to the first exam that carries it at all, and a first exam without any
 * label. All-zero tracings are skipped.
 */
public final class ExampleExams {
    /** Key of the unlabelled example in {@link #onePerCondition}. */
    public static final String NO_LABEL = "no label";

    private ExampleExams() {
    }

    /**
     * One example per condition (keys {@link Condition#column()}, in {@link Condition} order) and one without
     * labels ({@link #NO_LABEL}); conditions absent from {@code exams} are left out.
     */
    public static Map<String, ExamInfo> onePerCondition(List<ExamInfo> exams, TracingReader reader) {
        Map<String, ExamInfo> examples = new LinkedHashMap<>();
        for (Condition condition : Condition.values()) {
            first(exams, reader, e -> e.has(condition) && labelCount(e) == 1)
                    .or(() -> first(exams, reader, e -> e.has(condition)))
                    .ifPresent(exam -> examples.put(condition.column(), exam));
        }
        first(exams, reader, e -> !e.hasAnyLabel()).ifPresent(exam -> examples.put(NO_LABEL, exam));
        return examples;
    }

    /** The labels of {@code exam} as text, e.g. {@code "RBBB + 1dAVb"}, or {@code "no label"}. */
    public static String labelText(ExamInfo exam) {
        List<String> labels = Arrays.stream(Condition.values()).filter(exam::has).map(Condition::column)
                .toList();
        return labels.isEmpty() ? NO_LABEL : String.join(" + ", labels);
    }

    private static Optional<ExamInfo> first(List<ExamInfo> exams, TracingReader reader, Predicate<ExamInfo> wanted) {
        return exams.stream().filter(wanted).filter(e -> !allZero(reader.read(e))).findFirst();
    }

    private static int labelCount(ExamInfo exam) {
        int count = 0;
        for (Condition condition : Condition.values()) {
            count += exam.has(condition) ? 1 : 0;
        }
        return count;
    }

    private static boolean allZero(float[] tracing) {
        for (float v : tracing) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }
}
