package org.ecgleadlab.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ecgleadlab.data.Lead;
import org.junit.jupiter.api.Test;

class PaperResultsTest {
    @Test
    void tableOneHasEveryReportedRow() {
        assertEquals(13, PaperResults.table1().size(), "3 subsets x 4 strategies + the baseline");
        PaperResults.Row top2Reduced = PaperResults.table1(PaperResults.TOP_2, Strategy.REDUCED_CHANNELS).orElseThrow();
        assertEquals(0.885, top2Reduced.macroF1());
        assertArrayEquals(new double[] {0.800, 0.909, 0.925, 0.869, 0.888, 0.914}, top2Reduced.classF1());
        PaperResults.Row baseline = PaperResults.table1(List.of(Lead.values()), Strategy.BASELINE_12_LEAD).orElseThrow();
        assertEquals(0.927, baseline.accuracy());
        assertEquals(0.848, baseline.recall());
    }

    @Test
    void tableTwoAndItsLabel() {
        assertArrayEquals(new double[] {0.710, 0.968, 0.576}, PaperResults.table2("Bottom-3").orElseThrow());
        assertTrue(PaperResults.table2("Top-7").isEmpty());
        assertTrue(PaperResults.SOURCE_NOTE.contains("CODE-15%") && PaperResults.SOURCE_NOTE.contains("CODE-TEST"));
    }
}
