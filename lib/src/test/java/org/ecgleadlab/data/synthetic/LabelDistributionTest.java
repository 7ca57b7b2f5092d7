package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

/** Labels come out at the configured prevalences, and only in combinations a heart can produce. */
class LabelDistributionTest {
    private static final int EXAMS = 20_000;

    @Test
    void prevalencesMatchTheConfigurationAndImpossibleCombinationsNeverOccur() {
        SyntheticConfig config = SyntheticConfig.defaults();
        Map<Condition, Integer> counts = new EnumMap<>(Condition.class);
        for (int i = 0; i < EXAMS; i++) {
            SplittableRandom rng = Seeds.random(7, 42, i);
            Set<Condition> labels = ExamSpec.draw(rng, PatientTraits.draw(rng, config.prevalences()), config, true).labels();
            labels.forEach(c -> counts.merge(c, 1, Integer::sum));
            assertFalse(labels.contains(Condition.SB) && labels.contains(Condition.ST), "SB with ST");
            assertFalse(labels.contains(Condition.RBBB) && labels.contains(Condition.LBBB), "RBBB with LBBB");
            if (labels.contains(Condition.AF)) {
                assertFalse(labels.contains(Condition.AVB1) || labels.contains(Condition.SB)
                        || labels.contains(Condition.ST), "AF with a sinus-rhythm label: " + labels);
            }
        }
        for (Condition c : Condition.values()) {
            double p = config.prevalences().of(c);
            double observed = counts.getOrDefault(c, 0) / (double) EXAMS;
            double sd = Math.sqrt(p * (1 - p) / EXAMS);
            assertEquals(p, observed, 4 * sd, c + " prevalence");
        }
    }

    @Test
    void examsOfOnePatientShareChronicConductionDisease() {
        SyntheticConfig config = SyntheticConfig.defaults().withSizes(1, 400, 1, 1);
        Code15Layout layout = new Code15Layout(config);
        for (int exam = 0; exam < 400; exam++) {
            PatientTraits patient = layout.traits(layout.patientOf(exam));
            Set<Condition> labels = ExamSpec.draw(Seeds.random(1, 2, exam), patient, config, true).labels();
            assertEquals(patient.rbbb(), labels.contains(Condition.RBBB));
            assertEquals(patient.lbbb(), labels.contains(Condition.LBBB));
        }
        assertTrue(layout.patients() < 400 && layout.patients() > 200, layout.patients() + " patients");
    }

    @Test
    void impossiblePrevalencesAreRejectedWithAClearMessage() {
        EcgLabException e = assertThrows(EcgLabException.class, () -> new Prevalences(0.1, 0.6, 0.5, 0.1, 0.1, 0.1));
        assertTrue(e.getMessage().contains("RBBB + LBBB"), e.getMessage());
        assertThrows(EcgLabException.class, () -> Prevalences.defaults().withParsed("AF=0.5,SB=0.3,ST=0.3"));
        assertThrows(EcgLabException.class, () -> Prevalences.defaults().withParsed("XYZ=0.1"));
        assertThrows(EcgLabException.class, () -> Prevalences.defaults().withParsed("AF=lots"));
        assertEquals(0.05, Prevalences.defaults().withParsed("af=0.05, 1dAVb=0.2").af());
    }
}
