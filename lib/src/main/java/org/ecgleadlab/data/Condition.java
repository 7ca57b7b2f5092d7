package org.ecgleadlab.data;

import org.ecgleadlab.util.EcgLabException;

/** The six labels, in the model's output order (1dAVb, RBBB, LBBB, SB, AF, ST). */
public enum Condition {
    AVB1("1dAVb", "1st degree AV block"),
    RBBB("RBBB", "right bundle branch block"),
    LBBB("LBBB", "left bundle branch block"),
    SB("SB", "sinus bradycardia"),
    AF("AF", "atrial fibrillation"),
    ST("ST", "sinus tachycardia");

    public static final int COUNT = 6;

    private final String column;
    private final String description;

    Condition(String column, String description) {
        this.column = column;
        this.description = description;
    }

    /** The column name used by CODE-15% exams.csv and CODE-TEST gold_standard.csv. */
    public String column() {
        return column;
    }

    public String description() {
        return description;
    }

    /** Output index in the model's logits. */
    public int index() {
        return ordinal();
    }

    @Override
    public String toString() {
        return column;
    }

    public static Condition fromColumn(String column) {
        for (Condition c : values()) {
            if (c.column.equalsIgnoreCase(column.trim())) {
                return c;
            }
        }
        throw new EcgLabException("unknown condition '" + column + "'; expected one of 1dAVb, RBBB, LBBB, SB, AF, ST");
    }
}
