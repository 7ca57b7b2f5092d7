/**
 * The physiological synthetic dataset: a 3-D cardiac dipole per beat ({@code CardiacDipole}, {@code WaveLobe})
 * projected onto the 12 leads ({@code LeadSystem}), patients, rhythms and noise ({@code PatientTraits},
 * {@code ExamSpec}, {@code RecordingNoise}), written in the real CODE formats ({@code SyntheticGenerator},
 * {@code CodeFormatWriter}); {@code SyntheticDefaults} generates the embedded default when a command needs it.
 * Generator versions ({@code ExamModel}): 2, the default ({@code ExamSpec}, {@code ExamSynthesizer}), and 3, measured
 * against real ECGs ({@code Version3Model}, {@code Version3Synthesizer}, {@code EctopicBeats},
 * {@code RecordingArtefacts}); formats, layout and seeding are shared.
 * {@code PhysioNetGenerator} writes the same exams as a PTB-XL root or a Challenge-style WFDB folder
 * ({@code DataLayout}, {@code WfdbWriter}, {@code PtbXlDatabaseRow}, labels through {@code data.labels} in reverse),
 * streaming and resumable.
 *
 * <p>May import: {@code util} and the other {@code data} packages (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.data.synthetic;
