package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.data.Lead;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

class LeadBarsTest {
    @Test
    void sortsLeadsByScoreAndSplitsTheTopFromTheRest() {
        double[] scores = new double[Lead.COUNT];
        scores[Lead.V1.channel()] = 0.4;
        scores[Lead.I.channel()] = 0.3;
        scores[Lead.II.channel()] = 0.2;
        scores[Lead.AVF.channel()] = 0.1;
        CategoryChart chart = LeadBars.ranked("exam 7", "FinalScore", scores, 2);
        CategorySeries top = chart.getSeriesMap().get("Top-2");
        CategorySeries rest = chart.getSeriesMap().get("other leads");
        List<Object> leads = new ArrayList<>(top.getXData());
        assertEquals(List.of("V1", "I", "II", "aVF", "III"), leads.subList(0, 5)); // ties (zeros) keep CODE order
        assertEquals(List.of(0.4, 0.3, 0.0, 0.0), new ArrayList<>(top.getYData()).subList(0, 4));
        assertEquals(List.of(0.0, 0.0, 0.2, 0.1), new ArrayList<>(rest.getYData()).subList(0, 4));
        BufferedImage image = Figure.of(chart).image();
        assertEquals(448, image.getHeight());
    }

    @Test
    void rejectsWrongInput() {
        assertThrows(IllegalArgumentException.class, () -> LeadBars.ranked("t", "y", new double[11], 3));
        assertThrows(IllegalArgumentException.class, () -> LeadBars.ranked("t", "y", new double[12], 13));
        double[] nan = new double[12];
        nan[3] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> LeadBars.ranked("t", "y", nan, 3));
    }
}
