package org.ecgleadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

class FigureTest {
    @Test
    void optionNamesAreTheCsvFigureNames() {
        assertEquals(List.of("matmul", "inference", "training", "input-gradient", "rank-leads", "hdf5", "wfdb"),
                Arrays.stream(Figure.values()).map(Figure::option).toList());
        assertTrue(Arrays.stream(Figure.values()).noneMatch(figure -> figure.measures().isBlank()));
    }

    @Test
    void parseIgnoresCaseSpacesAndUnderscores() {
        assertEquals(Figure.RANK_LEADS, Figure.parse(" Rank_Leads "));
        assertEquals(Figure.INPUT_GRADIENT, Figure.parse("input-gradient"));
    }

    @Test
    void anUnknownNameIsAnErrorListingTheFigures() {
        EcgLabException error = assertThrows(EcgLabException.class, () -> Figure.parse("gpu"));
        assertEquals("--only gpu: not a figure; use matmul, inference, training, input-gradient, rank-leads, hdf5, wfdb",
                error.getMessage());
    }
}
