package org.ecgleadlab.report;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.util.AtomicFiles;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Result tables as Tablesaw {@link Table}s: built row by row ({@link #builder}), printed to the terminal with fixed
 * decimals, saved as CSV (full precision, for other tools) and as Markdown (for the README and reports), with the
 * best value of each decimal column highlighted like the paper's tables (bold in Markdown, {@code *} in text).
 */
public final class Tables {
    /** Shown for a missing value (e.g. a metric the paper does not report). */
    public static final String MISSING = "-";

    private Tables() {
    }

    /** Starts a table named {@code name} with the given column names; column types follow the first row's values. */
    public static Builder builder(String name, String... columns) {
        return new Builder(name, List.of(columns));
    }

    /** Collects rows; each value is a {@link String}, an {@link Integer}/{@link Long} or another {@link Number}. */
    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<Object[]> rows = new ArrayList<>();

        private Builder(String name, List<String> columns) {
            if (columns.isEmpty() || columns.stream().distinct().count() != columns.size()) {
                throw new IllegalArgumentException("table '" + name + "' needs distinct column names: " + columns);
            }
            this.name = name;
            this.columns = columns;
        }

        /** Adds a row; {@code null} is a missing value. */
        public Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("table '" + name + "' has " + columns.size() + " columns "
                        + columns + " but a row has " + values.length + " values: " + Arrays.toString(values));
            }
            rows.add(values.clone());
            return this;
        }

        /**
         * The table: a column whose values are all strings becomes a {@link StringColumn}, all integers an
         * {@link IntColumn}, other numbers a {@link DoubleColumn}; a column mixing text and numbers is an error.
         */
        public Table build() {
            Table table = Table.create(name);
            for (int c = 0; c < columns.size(); c++) {
                table.addColumns(column(c));
            }
            return table;
        }

        private Column<?> column(int c) {
            String column = columns.get(c);
            boolean text = false;
            boolean decimal = false;
            for (Object[] row : rows) {
                Object v = row[c];
                if (v instanceof String) {
                    text = true;
                } else if (v instanceof Double || v instanceof Float) {
                    decimal = true;
                } else if (v != null && !(v instanceof Integer || v instanceof Long || v instanceof Short)) {
                    throw new IllegalArgumentException("column '" + column + "' of table '" + name
                            + "' holds a " + v.getClass().getSimpleName() + "; use String or a number");
                }
            }
            boolean numeric = rows.stream().anyMatch(r -> r[c] instanceof Number);
            if (text && numeric) {
                throw new IllegalArgumentException("column '" + column + "' of table '" + name
                        + "' mixes text and numbers");
            }
            if (!numeric) {
                StringColumn strings = StringColumn.create(column);
                rows.forEach(r -> strings.append(r[c] == null ? null : (String) r[c]));
                return strings;
            }
            if (!decimal) {
                IntColumn ints = IntColumn.create(column);
                rows.forEach(r -> ints.append(r[c] == null ? null : Math.toIntExact(((Number) r[c]).longValue())));
                return ints;
            }
            DoubleColumn doubles = DoubleColumn.create(column);
            rows.forEach(r -> doubles.append(r[c] == null ? null : ((Number) r[c]).doubleValue()));
            return doubles;
        }
    }

    /** The table as aligned plain text: title, header, rows; best values marked {@code *} and explained below. */
    public static String text(Table table, TableFormat format) {
        List<String> headers = table.columnNames();
        boolean[][] best = format.bestCells(table);
        boolean[] markedColumn = new boolean[headers.size()];
        for (boolean[] row : best) {
            for (int c = 0; c < row.length; c++) {
                markedColumn[c] |= row[c];
            }
        }
        List<String[]> cells = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String[] row = new String[headers.size()];
            for (int c = 0; c < headers.size(); c++) {
                // A space where another row has the marker keeps the decimal points aligned.
                String marker = best[r][c] ? "*" : markedColumn[c] ? " " : "";
                row[c] = cell(table.column(c), r, format.decimals()) + marker;
            }
            cells.add(row);
        }
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            widths[c] = headers.get(c).length();
            for (String[] row : cells) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        if (!table.name().isBlank()) {
            out.append(table.name()).append('\n');
        }
        appendAligned(out, headers.toArray(String[]::new), widths, table);
        out.append("-".repeat(Arrays.stream(widths).sum() + 2 * (widths.length - 1))).append('\n');
        for (String[] row : cells) {
            appendAligned(out, row, widths, table);
        }
        for (boolean marked : markedColumn) {
            if (marked) {
                out.append("* best value in its column\n");
                break;
            }
        }
        return out.toString();
    }

    /** Prints {@link #text} to stdout (tables are results; progress and logs go to stderr). */
    public static void print(Table table, TableFormat format) {
        System.out.print(text(table, format));
        System.out.flush();
    }

    /**
     * The table as GitHub-flavoured Markdown: numbers right-aligned with fixed decimals, best values in bold, the
     * table name as a bold caption line above.
     */
    public static String markdown(Table table, TableFormat format) {
        List<String> headers = table.columnNames();
        boolean[][] best = format.bestCells(table);
        StringBuilder out = new StringBuilder();
        if (!table.name().isBlank()) {
            out.append("**").append(escape(table.name())).append("**\n\n");
        }
        out.append('|');
        headers.forEach(h -> out.append(' ').append(escape(h)).append(" |"));
        out.append("\n|");
        for (int c = 0; c < headers.size(); c++) {
            out.append(isNumeric(table.column(c)) ? " ---: |" : " :--- |");
        }
        out.append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            out.append('|');
            for (int c = 0; c < headers.size(); c++) {
                String value = escape(cell(table.column(c), r, format.decimals()));
                out.append(' ').append(best[r][c] ? "**" + value + "**" : value).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Writes the table as CSV with full precision (missing values empty), atomically; returns {@code file}. */
    public static Path saveCsv(Table table, Path file) {
        StringWriter csv = new StringWriter();
        table.write().csv(csv);
        AtomicFiles.writeString(file, csv.toString());
        return file;
    }

    /** Writes {@link #markdown} atomically; returns {@code file}. */
    public static Path saveMarkdown(Table table, Path file, TableFormat format) {
        AtomicFiles.writeString(file, markdown(table, format));
        return file;
    }

    /** One cell as text: decimals fixed for {@link DoubleColumn}s, integers as they are, {@link #MISSING} if absent. */
    static String cell(Column<?> column, int row, int decimals) {
        if (column.isMissing(row)) {
            return MISSING;
        }
        if (column instanceof DoubleColumn doubles) {
            return String.format(Locale.ROOT, "%." + decimals + "f", doubles.getDouble(row));
        }
        return column.getUnformattedString(row);
    }

    static boolean isNumeric(Column<?> column) {
        return column instanceof NumericColumn<?> || column.type() == ColumnType.DOUBLE;
    }

    private static void appendAligned(StringBuilder out, String[] row, int[] widths, Table table) {
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                out.append("  ");
            }
            String pad = " ".repeat(widths[c] - row[c].length());
            boolean last = c == row.length - 1;
            if (isNumeric(table.column(c))) {
                out.append(pad).append(row[c]);
            } else {
                out.append(row[c]).append(last ? "" : pad);
            }
        }
        out.append('\n');
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
