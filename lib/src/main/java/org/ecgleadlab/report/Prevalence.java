package org.ecgleadlab.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.Table;

/**
 * Class prevalence of one or more named exam sets (e.g. train, validation, the two test-pool halves): how many
 * exams carry each condition, and how many carry none (a normal ECG or another finding). Exams with several labels
 * count once per label, so the percentages need not add up to 100.
 */
public final class Prevalence {
    /** Row name of exams without any of the six labels. */
    public static final String NO_LABEL = "none of the six";

    private final Map<String, List<ExamInfo>> sets;

    private Prevalence(Map<String, List<ExamInfo>> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("prevalence needs at least one exam set");
        }
        this.sets = new LinkedHashMap<>(sets);
    }

    /** The prevalence of each set, in the map's order (use a {@code LinkedHashMap}). */
    public static Prevalence of(Map<String, List<ExamInfo>> sets) {
        return new Prevalence(sets);
    }

    /** The exams of {@code set} labelled with {@code condition}. */
    public int count(String set, Condition condition) {
        return (int) exams(set).stream().filter(e -> e.has(condition)).count();
    }

    /** The exams of {@code set} with none of the six labels. */
    public int unlabelled(String set) {
        return (int) exams(set).stream().filter(e -> !e.hasAnyLabel()).count();
    }

    /** Percent of the exams of {@code set} labelled with {@code condition} (0 for an empty set). */
    public double percent(String set, Condition condition) {
        int total = exams(set).size();
        return total == 0 ? 0 : 100.0 * count(set, condition) / total;
    }

    private List<ExamInfo> exams(String set) {
        List<ExamInfo> exams = sets.get(set);
        if (exams == null) {
            throw new IllegalArgumentException("no exam set named '" + set + "'; sets: " + sets.keySet());
        }
        return exams;
    }

    /**
     * One row per condition (plus {@link #NO_LABEL} and a total row), and per set a count column and a percent
     * column.
     */
    public Table table() {
        List<String> columns = new ArrayList<>(List.of("Condition", "Description"));
        sets.keySet().forEach(set -> columns.addAll(List.of(set + " n", set + " %")));
        Tables.Builder builder = Tables.builder("Class prevalence", columns.toArray(String[]::new));
        for (Condition condition : Condition.values()) {
            List<Object> row = new ArrayList<>(List.of(condition.column(), condition.description()));
            sets.keySet().forEach(set -> row.addAll(List.of(count(set, condition), percent(set, condition))));
            builder.row(row.toArray());
        }
        List<Object> none = new ArrayList<>(List.of(NO_LABEL, "normal ECG or another finding"));
        sets.forEach((set, exams) -> none.addAll(List.of(unlabelled(set),
                exams.isEmpty() ? 0.0 : 100.0 * unlabelled(set) / exams.size())));
        builder.row(none.toArray());
        List<Object> total = new ArrayList<>(List.of("all exams", ""));
        sets.values().forEach(exams -> total.addAll(List.of(exams.size(), 100.0)));
        builder.row(total.toArray());
        return builder.build();
    }

    /** Percent of exams per condition, one bar per set. */
    public CategoryChart chart() {
        Map<String, double[]> series = new LinkedHashMap<>();
        sets.keySet().forEach(set -> series.put(set + " (" + sets.get(set).size() + " exams)",
                Arrays.stream(Condition.values()).mapToDouble(c -> percent(set, c)).toArray()));
        List<String> conditions = Arrays.stream(Condition.values()).map(Condition::column).toList();
        CategoryChart chart = Plots.bars("Class prevalence", "condition", "% of exams", conditions, series);
        chart.getStyler().setLegendVisible(true);
        return chart;
    }
}
