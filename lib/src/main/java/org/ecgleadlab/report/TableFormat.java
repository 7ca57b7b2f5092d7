package org.ecgleadlab.report;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How {@link Tables} renders a table: fixed decimals for decimal columns, and optionally the best value of each
 * decimal column highlighted. Best means highest unless the column is named in {@link #lowerIsBetter}; values are
 * compared as displayed (rounded), so ties on screen are all highlighted. Immutable: each method returns a copy.
 * <pre>{@code
 * TableFormat.decimals(3).highlightBest().notHighlighted("Paper F1").compareOnlyRows(r -> r < ours)
 * }</pre>
 */
public final class TableFormat {
    /** Three decimals (as in the paper), nothing highlighted. */
    public static final TableFormat DEFAULT = decimals(3);

    private final int decimals;
    private final boolean highlight;
    private final Set<String> lowerIsBetter;
    private final Set<String> notHighlighted;
    private final IntPredicate comparedRows;

    private TableFormat(int decimals, boolean highlight, Set<String> lowerIsBetter, Set<String> notHighlighted,
                        IntPredicate comparedRows) {
        if (decimals < 0 || decimals > 12) {
            throw new IllegalArgumentException("decimals must be 0..12, got " + decimals);
        }
        this.decimals = decimals;
        this.highlight = highlight;
        this.lowerIsBetter = Set.copyOf(lowerIsBetter);
        this.notHighlighted = Set.copyOf(notHighlighted);
        this.comparedRows = comparedRows;
    }

    /** A format with {@code decimals} digits after the point and no highlighting. */
    public static TableFormat decimals(int decimals) {
        return new TableFormat(decimals, false, Set.of(), Set.of(), r -> true);
    }

    public int decimals() {
        return decimals;
    }

    /** Highlights the best value of every decimal column (bold in Markdown, {@code *} in text). */
    public TableFormat highlightBest() {
        return new TableFormat(decimals, true, lowerIsBetter, notHighlighted, comparedRows);
    }

    /** Columns where the smallest value is best (e.g. a loss). */
    public TableFormat lowerIsBetter(String... columns) {
        Set<String> lower = new HashSet<>(lowerIsBetter);
        lower.addAll(List.of(columns));
        return new TableFormat(decimals, highlight, lower, notHighlighted, comparedRows);
    }

    /** Columns never highlighted (e.g. the paper's reference numbers, or a CI bound). */
    public TableFormat notHighlighted(String... columns) {
        Set<String> skipped = new HashSet<>(notHighlighted);
        skipped.addAll(List.of(columns));
        return new TableFormat(decimals, highlight, lowerIsBetter, skipped, comparedRows);
    }

    /** Only rows whose index passes {@code rows} compete for best (e.g. our rows, not the paper's reference rows). */
    public TableFormat compareOnlyRows(IntPredicate rows) {
        return new TableFormat(decimals, highlight, lowerIsBetter, notHighlighted, rows);
    }

    /** {@code [row][column]}: whether that cell shows its column's best value. */
    boolean[][] bestCells(Table table) {
        boolean[][] best = new boolean[table.rowCount()][table.columnCount()];
        if (!highlight) {
            return best;
        }
        for (int c = 0; c < table.columnCount(); c++) {
            Column<?> column = table.column(c);
            if (!(column instanceof DoubleColumn doubles) || notHighlighted.contains(column.name())) {
                continue;
            }
            boolean lower = lowerIsBetter.contains(column.name());
            double bestValue = Double.NaN;
            for (int r = 0; r < table.rowCount(); r++) {
                if (comparedRows.test(r) && !doubles.isMissing(r)) {
                    double v = displayed(doubles.getDouble(r));
                    if (Double.isNaN(bestValue) || (lower ? v < bestValue : v > bestValue)) {
                        bestValue = v;
                    }
                }
            }
            for (int r = 0; r < table.rowCount(); r++) {
                best[r][c] = comparedRows.test(r) && !doubles.isMissing(r)
                        && displayed(doubles.getDouble(r)) == bestValue;
            }
        }
        return best;
    }

    /** The value as shown with {@link #decimals} digits. */
    private double displayed(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }
}
