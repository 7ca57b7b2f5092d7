package org.ecgleadlab.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.SplittableRandom;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.TracingReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the generator writes is what the project's readers return: every CODE-15% exam, joined by exam_id,
 * has the labels and patient it was made with and a tracing equal, value for value, to the exam made again
 * in memory from the same seed; the test pool reads back with its gold-standard labels.
 */
class ReaderRoundTripTest {
    static final SyntheticConfig SMALL = SyntheticConfig.defaults().withSizes(2, 25, 10, 6)
            .withRecording(1.0, 0.2, 0.05);
    /** The default generator version's physiology, which {@link GeneratedData} writes. */
    static final ExamModel MODEL = ExamModel.of(SyntheticGenerator.DEFAULT_VERSION);

    @RegisterExtension
    static final GeneratedData DATA = new GeneratedData(SMALL);

    @Test
    void code15ExamsReadBackWithTheirLabelsPatientsAndTracings() {
        Code15Layout layout = new Code15Layout(SMALL);
        CodeDataset code15 = CodeDataset.open(DATA.dataset().code15());
        assertEquals(50, code15.exams().size(), "the padding rows are not exams");
        assertEquals(2, code15.report().paddingRows());
        try (TracingReader reader = new TracingReader()) {
            for (int exam = 0; exam < SMALL.code15Exams(); exam++) {
                ExamInfo info = code15.exam(layout.examId(exam));
                int patient = layout.patientOf(exam);
                assertEquals(layout.patientId(patient), info.patientId());

                SplittableRandom rng = Seeds.random(SMALL.seed(), Seeds.CODE15_EXAMS, exam);
                ExamSpec spec = MODEL.exam(rng, layout.traits(patient), SMALL, true);
                float[][] expected = new float[ExamSynthesizer.ROWS][ExamSynthesizer.LEADS];
                MODEL.synthesize(spec, rng, SMALL.noiseLevel(), expected);
                assertArrayEquals(modelOrder(spec.labels()), info.labels(), "labels of exam " + info.examId());
                assertArrayEquals(timeMajor(expected), reader.read(info), "tracing of exam " + info.examId());
            }
        }
    }

    @Test
    void testPoolReadsBackWithGoldStandardLabels() {
        CodeDataset pool = CodeDataset.openTestPool(DATA.dataset().testPool());
        assertEquals(16, pool.exams().size());
        try (TracingReader reader = new TracingReader()) {
            for (ExamInfo info : pool.exams()) {
                long stream = info.source().equals(SyntheticDataset.CODE_TEST) ? Seeds.CODE_TEST : Seeds.AUDIT;
                SplittableRandom rng = Seeds.random(SMALL.seed(), stream, info.row());
                ExamSpec spec = MODEL.exam(rng, MODEL.patient(rng, SMALL.prevalences()), SMALL, false);
                float[][] expected = new float[ExamSynthesizer.ROWS][ExamSynthesizer.LEADS];
                MODEL.synthesize(spec, rng, SMALL.noiseLevel(), expected);
                assertArrayEquals(modelOrder(spec.labels()), info.labels(), info.source() + " row " + info.row());
                assertArrayEquals(timeMajor(expected), reader.read(info), info.source() + " row " + info.row());
            }
        }
    }

    private static float[] modelOrder(Set<Condition> labels) {
        float[] out = new float[Condition.COUNT];
        labels.forEach(c -> out[c.index()] = 1);
        return out;
    }

    private static float[] timeMajor(float[][] tracing) {
        float[] flat = new float[tracing.length * tracing[0].length];
        for (int t = 0; t < tracing.length; t++) {
            System.arraycopy(tracing[t], 0, flat, t * tracing[t].length, tracing[t].length);
        }
        return flat;
    }
}
