package org.ecgleadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

class BenchFigureTest {
    @Test
    void optionNamesAreTheCsvFigureNames() {
        assertEquals(List.of("matmul", "inference", "training", "bare-training", "input-gradient", "rank-leads", "hdf5",
                        "wfdb"),
                Arrays.stream(BenchFigure.values()).map(BenchFigure::option).toList());
        assertTrue(Arrays.stream(BenchFigure.values()).noneMatch(figure -> figure.measures().isBlank()));
    }

    @Test
    void parseIgnoresCaseSpacesAndUnderscores() {
        assertEquals(BenchFigure.RANK_LEADS, BenchFigure.parse(" Rank_Leads "));
        assertEquals(BenchFigure.INPUT_GRADIENT, BenchFigure.parse("input-gradient"));
    }

    @Test
    void anUnknownNameIsAnErrorListingTheFigures() {
        EcgLabException error = assertThrows(EcgLabException.class, () -> BenchFigure.parse("gpu"));
        assertEquals("--only gpu: not a figure; use matmul, inference, training, bare-training, input-gradient, rank-leads, hdf5, "
                + "wfdb",
                error.getMessage());
    }
}
