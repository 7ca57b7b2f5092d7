package org.ecgleadlab.util;

import java.util.ArrayList;
import java.util.List;

/**
 * One row per exam with typed columns: what a per-exam CSV of a command holds ({@code predictions.csv},
 * {@code per-exam-ranking.csv}), for a columnar format (Parquet on the Spark path) that keeps the CSV's column names,
 * its row order and a type per column instead of text. Values are {@link Long}, {@link Integer}, {@link Float},
 * {@link Double} or {@link String} as the column's {@link Type} says; rows are kept as given (not copied).
 *
 * @param columns the columns, in the CSV's order
 * @param rows    the rows, in the CSV's order
 */
public record ExamTable(List<Column> columns, List<Object[]> rows) {
    /** A column's type, and the Java class of its values. */
    public enum Type {
        LONG(Long.class), INT(Integer.class), FLOAT(Float.class), DOUBLE(Double.class), STRING(String.class);

        private final Class<?> values;

        Type(Class<?> values) {
            this.values = values;
        }
    }

    /** A column: its CSV header name and its type. */
    public record Column(String name, Type type) {
    }

    public ExamTable {
        columns = List.copyOf(columns);
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("row " + r + " has " + row.length + " values for "
                        + columns.size() + " columns " + names());
            }
            for (int c = 0; c < row.length; c++) {
                if (!columns.get(c).type().values.isInstance(row[c])) {
                    throw new IllegalArgumentException("row " + r + ", column " + columns.get(c).name() + ": "
                            + row[c] + " is not a " + columns.get(c).type());
                }
            }
        }
    }

    /** The column names, in order (the CSV's header). */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** A table built column by column, then row by row. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link ExamTable}. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();

        private Builder() {
        }

        public Builder column(String name, Type type) {
            columns.add(new Column(name, type));
            return this;
        }

        public Builder row(Object... values) {
            rows.add(values);
            return this;
        }

        public ExamTable build() {
            return new ExamTable(columns, rows);
        }
    }
}
