package org.ecgleadlab.data.synthetic;

import java.util.random.RandomGenerator;
import org.ecgleadlab.util.EcgLabException;

/**
 * One generator version's physiology: how a patient, an exam and its tracing are drawn. The file formats, layout,
 * ids and seeding are shared by all versions; only what the heart and the recording look like differs. Version 3, the
 * embedded default the shipped checkpoints were trained on, closes the gaps to real recordings that data/README.md
 * lists; version 2, the previous default, stays selectable ({@code generate-data --generator-version 2}).
 */
interface ExamModel {
    /** The version number written into manifest.json. */
    int version();

    /** Draws one patient's lasting traits. */
    PatientTraits patient(RandomGenerator rng, Prevalences prevalences);

    /** Draws one exam of {@code patient}. */
    ExamSpec exam(RandomGenerator rng, PatientTraits patient, SyntheticConfig config, boolean mayBeBlank);

    /** Writes the exam's tracing into {@code out} ((4096, 12), zeros on entry) and returns its ground truth. */
    ExamTruth synthesize(ExamSpec exam, RandomGenerator rng, double noiseLevel, float[][] out);

    /** The model of {@code version}, or a one-line refusal naming the versions there are. */
    static ExamModel of(int version) {
        return switch (version) {
            case 2 -> Version2.MODEL;
            case 3 -> Version3Model.MODEL;
            default -> throw new EcgLabException("generator version " + version + " does not exist here; use "
                    + SyntheticGenerator.DEFAULT_VERSION + " (the default, measured against real ECGs, the shipped "
                    + "checkpoints' data) or " + SyntheticGenerator.PREVIOUS_VERSION + " (the previous default, "
                    + "data/README.md)");
        };
    }

    /** Version 2: the previous embedded default, unchanged byte for byte (GeneratorVersionTest pins it). */
    final class Version2 implements ExamModel {
        static final Version2 MODEL = new Version2();

        @Override
        public int version() {
            return 2;
        }

        @Override
        public PatientTraits patient(RandomGenerator rng, Prevalences prevalences) {
            return PatientTraits.draw(rng, prevalences);
        }

        @Override
        public ExamSpec exam(RandomGenerator rng, PatientTraits patient, SyntheticConfig config, boolean mayBeBlank) {
            return ExamSpec.draw(rng, patient, config, mayBeBlank);
        }

        @Override
        public ExamTruth synthesize(ExamSpec exam, RandomGenerator rng, double noiseLevel, float[][] out) {
            return ExamSynthesizer.synthesize(exam, rng, noiseLevel, out);
        }
    }
}
