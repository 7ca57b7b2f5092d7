package org.ecgleadlab.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.labels.ConditionCodes;

/**
 * One exam of a PTB-XL or Challenge layout, decided before its signal is made: who the patient is, the official fold
 * (by patient, as PTB-XL's strat_fold), and the exam's draw. {@link Plan} hands them out in exam order, keeping only
 * the current patient, so planning is cheap and bounded at any count and a resumed run plans the same exams again.
 *
 * @param index   0-based exam index; the record's number is {@code index + 1}
 * @param patient 0-based patient index
 * @param fold    strat_fold 1–10
 * @param spec    the exam's draw
 * @param signal  the exam's random stream after the draw, for its signal (used once, by the thread that makes it)
 */
record PhysioNetExam(int index, int patient, int fold, ExamSpec spec, SplittableRandom signal) {
    /** PTB-XL carries rhythm statements with likelihood 0 and diagnostic ones with one (PtbXlFixture does the same). */
    private static final List<Condition> RHYTHMS = List.of(Condition.SB, Condition.AF, Condition.ST);
    /** SNOMED CT sinus rhythm and SCP-ECG SR/NORM for exams without any of the six conditions. */
    static final String SINUS_RHYTHM_SNOMED = "426783006";

    /** {@code # Dx:} codes: the six through the label table in reverse, sinus rhythm for a normal exam. */
    List<String> snomedCodes() {
        List<String> codes = new ArrayList<>();
        if (!spec.has(Condition.AF)) {
            codes.add(SINUS_RHYTHM_SNOMED);
        }
        for (Condition c : Condition.values()) {
            if (spec.has(c)) {
                codes.add(ConditionCodes.snomedOf(c));
            }
        }
        return codes;
    }

    /** PTB-XL's scp_codes dictionary text, e.g. {@code {'CRBBB': 100.0, 'SR': 0.0}}. */
    String scpCodes() {
        List<String> entries = new ArrayList<>();
        if (spec.normal()) {
            entries.add("'NORM': 100.0");
        }
        for (Condition c : Condition.values()) {
            if (spec.has(c)) {
                entries.add("'" + ConditionCodes.scpOf(c) + "': " + (RHYTHMS.contains(c) ? "0.0" : "100.0"));
            }
        }
        if (!spec.has(Condition.AF) && !spec.has(Condition.SB) && !spec.has(Condition.ST)) {
            entries.add("'SR': 0.0");
        }
        return "{" + String.join(", ", entries) + "}";
    }

    /** Plans exams 0, 1, 2, ... in order: patients with 1 + Poisson(mean − 1) exams each. */
    static final class Plan {
        private final SyntheticConfig config;
        private final ExamModel model;
        private int next;
        private int patient = -1;
        private int visitsLeft;
        private PatientTraits traits;
        private int fold;

        /** @param tenSecond every recording 10 s long (PTB-XL), else the config's share of 7-s recordings */
        Plan(SyntheticConfig config, boolean tenSecond) {
            this(config, tenSecond, ExamModel.of(SyntheticGenerator.DEFAULT_VERSION));
        }

        /** The same with patients and exams drawn by {@code model}. */
        Plan(SyntheticConfig config, boolean tenSecond, ExamModel model) {
            this.model = model;
            // no blank exams: a PhysioNet set has none
            this.config = config.withRecording(config.noiseLevel(), tenSecond ? 0 : config.sevenSecondFraction(), 0);
        }

        PhysioNetExam next() {
            if (visitsLeft == 0) {
                patient++;
                visitsLeft = 1 + Code15Layout.poisson(Seeds.random(config.seed(), Seeds.PHYSIONET_VISITS, patient),
                        config.examsPerPatient() - 1);
                SplittableRandom rng = Seeds.random(config.seed(), Seeds.PHYSIONET_PATIENTS, patient);
                traits = model.patient(rng, config.prevalences());
                fold = 1 + rng.nextInt(10);
            }
            visitsLeft--;
            int index = next++;
            SplittableRandom rng = Seeds.random(config.seed(), Seeds.PHYSIONET_EXAMS, index);
            ExamSpec spec = model.exam(rng, traits, config, false);
            return new PhysioNetExam(index, patient, fold, spec, rng);
        }
    }
}
