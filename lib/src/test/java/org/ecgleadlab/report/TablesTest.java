package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {
    private static Table table2() {
        return Tables.builder("Table 2", "Lead subset", "F1", "Accuracy", "Recall", "Exams")
                .row("12-lead", 0.8851, 0.927, 0.848, 400)
                .row("Top-2 (V1, I)", 0.8849, 0.925, 0.849, 400)
                .row("Bottom-3 (III, aVL, aVF)", 0.710, 0.968, null, 400)
                .build();
    }

    @Test
    void builderInfersColumnTypes() {
        Table table = table2();
        assertInstanceOf(StringColumn.class, table.column("Lead subset"));
        assertInstanceOf(DoubleColumn.class, table.column("F1"));
        assertInstanceOf(IntColumn.class, table.column("Exams"));
        assertTrue(table.column("Recall").isMissing(2));
    }

    @Test
    void builderRejectsWrongRowsAndMixedColumns() {
        assertThrows(IllegalArgumentException.class, () -> Tables.builder("t", "a", "b").row("x"));
        assertThrows(IllegalArgumentException.class,
                () -> Tables.builder("t", "a").row("x").row(1.0).build());
        assertThrows(IllegalArgumentException.class, () -> Tables.builder("t", "a", "a"));
    }

    @Test
    void markdownBoldsTheBestDisplayedValueOfEachDecimalColumn() {
        String markdown = Tables.markdown(table2(), TableFormat.decimals(3).highlightBest());
        String expected = """
                **Table 2**

                | Lead subset | F1 | Accuracy | Recall | Exams |
                | :--- | ---: | ---: | ---: | ---: |
                | 12-lead | **0.885** | 0.927 | 0.848 | 400 |
                | Top-2 (V1, I) | **0.885** | 0.925 | **0.849** | 400 |
                | Bottom-3 (III, aVL, aVF) | 0.710 | **0.968** | - | 400 |
                """;
        assertEquals(expected, markdown);
    }

    @Test
    void highlightCanSkipColumnsRowsAndPreferLowValues() {
        TableFormat format = TableFormat.decimals(2).highlightBest()
                .notHighlighted("F1").lowerIsBetter("Accuracy").compareOnlyRows(r -> r < 2);
        String markdown = Tables.markdown(table2(), format);
        // Displayed ties (0.927 and 0.925 both show as 0.93) are all highlighted; row 2 does not compete.
        assertTrue(markdown.contains("| 12-lead | 0.89 | **0.93** | **0.85** | 400 |"), markdown);
        assertTrue(markdown.contains("| Top-2 (V1, I) | 0.88 | **0.93** | **0.85** | 400 |"), markdown);
        assertTrue(markdown.contains("| Bottom-3 (III, aVL, aVF) | 0.71 | 0.97 | - | 400 |"), markdown);
    }

    @Test
    void lowerIsBetterPicksTheMinimum() {
        Table losses = Tables.builder("", "Epoch", "Loss").row(1, 0.9).row(2, 0.4).row(3, 0.5).build();
        String markdown = Tables.markdown(losses, TableFormat.decimals(1).highlightBest().lowerIsBetter("Loss"));
        assertTrue(markdown.startsWith("| Epoch | Loss |"), markdown);
        assertTrue(markdown.contains("| 2 | **0.4** |") && markdown.contains("| 3 | 0.5 |"), markdown);
    }

    @Test
    void textAlignsColumnsAndMarksBestWithAStar() {
        String text = Tables.text(table2(), TableFormat.decimals(3).highlightBest());
        String[] lines = text.split("\n");
        assertEquals("Table 2", lines[0]);
        assertTrue(lines[1].startsWith("Lead subset "), lines[1]);
        assertEquals(lines[1].length(), lines[3].length(), text);
        assertTrue(lines[3].contains("0.885*"), text);
        assertTrue(lines[5].contains("0.710 "), text);
        assertTrue(lines[5].contains("0.968*"), text);
        assertEquals("* best value in its column", lines[6]);
        // Decimal points line up whether or not a cell carries the marker.
        assertEquals(lines[3].indexOf("0.885*"), lines[5].indexOf("0.710 "));
    }

    @Test
    void csvKeepsFullPrecisionAndMarkdownFileMatches(@TempDir Path dir) throws Exception {
        Table table = table2();
        Path csv = Tables.saveCsv(table, dir.resolve("table2.csv"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("Lead subset,F1,Accuracy,Recall,Exams", lines.get(0));
        assertEquals("12-lead,0.8851,0.927,0.848,400", lines.get(1));
        assertEquals("\"Bottom-3 (III, aVL, aVF)\",0.71,0.968,,400", lines.get(3));
        Path md = Tables.saveMarkdown(table, dir.resolve("table2.md"), TableFormat.DEFAULT);
        assertEquals(Tables.markdown(table, TableFormat.DEFAULT), Files.readString(md));
    }
}
