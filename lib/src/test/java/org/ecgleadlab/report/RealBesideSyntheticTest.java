package org.ecgleadlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.List;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.TracingReader;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;

/** Pairs from two exam lists (here the two sources of the shipped real records) and their stacked picture. */
class RealBesideSyntheticTest {
    @Test
    void pairsConditionsFoundInBothListsAndStacksTheTwoEcgsAtOneScale() {
        List<ExamInfo> exams = CodeDataset.open(ProjectPaths.realEcg()).exams();
        List<ExamInfo> cinc = exams.stream().filter(e -> e.source().equals("cinc2021-samples")).toList();
        List<ExamInfo> cpsc = exams.stream().filter(e -> e.source().equals("cpsc2018-challenge2020")).toList();
        try (TracingReader reader = new TracingReader()) {
            // cinc stands in for the synthetic list: it has RBBB (with SB) but no LBBB and no AF
            List<RealBesideSynthetic.Pair> pairs = RealBesideSynthetic.choose(
                    List.of(Condition.AF, Condition.RBBB, Condition.LBBB), cinc, cpsc, reader);
            assertEquals(1, pairs.size());
            RealBesideSynthetic.Pair rbbb = pairs.get(0);
            assertEquals(Condition.RBBB, rbbb.condition());
            assertEquals("real · record E07509 (cinc2021-samples) · RBBB + SB",
                    RealBesideSynthetic.title("real", rbbb.synthetic()));
            assertEquals("real · record A0010 (cpsc2018-challenge2020) · RBBB",
                    RealBesideSynthetic.title("real", rbbb.real()));

            BufferedImage image = RealBesideSynthetic.image(rbbb, reader);
            EcgPlot one = EcgPlot.ofTracing(reader.read(rbbb.real()));
            assertEquals(one.width(), image.getWidth()); // two 10-s records: one width, no rescaling
            assertEquals(2 * one.height() + 12, image.getHeight());

            List<RealBesideSynthetic.Pair> all = RealBesideSynthetic.choose(
                    List.of(Condition.RBBB, Condition.LBBB, Condition.AF), cpsc, cpsc, reader);
            assertEquals(List.of("A0010.hea", "A0044.hea", "A0003.hea"),
                    all.stream().map(p -> p.real().file().getFileName().toString()).toList());
        }
    }
}
