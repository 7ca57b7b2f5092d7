package org.ecgleadlab.data;

/** Fixed facts about the CODE-15% / CODE-TEST file formats and the model input built from them. */
public final class CodeFormat {
    /** Samples per stored tracing: 10-s (4000) and 7-s (2800) recordings are zero-padded, centred, to 4096. */
    public static final int SAMPLES = 4096;
    /** Sampling rate of the stored tracings. */
    public static final int SAMPLING_HZ = 400;
    /** Samples per channel of the model input (4096 samples resampled 400 → 250 Hz). */
    public static final int MODEL_SAMPLES = 2560;
    /** Sampling rate of the model input. */
    public static final int MODEL_HZ = 250;
    /** Floats in one stored tracing (time-major, 4096 × 12). */
    public static final int TRACING_VALUES = SAMPLES * Lead.COUNT;

    /** Name of the tracing dataset in every CODE file. */
    public static final String TRACINGS = "tracings";
    /** Name of the exam-id dataset in CODE-15% parts. */
    public static final String EXAM_ID = "exam_id";
    /** CODE-15% label file. */
    public static final String EXAMS_CSV = "exams.csv";
    /** CODE-TEST tracing file. */
    public static final String TEST_TRACINGS_FILE = "ecg_tracings.hdf5";
    /** CODE-TEST label file, relative to the folder. */
    public static final String GOLD_STANDARD = "annotations/gold_standard.csv";

    private CodeFormat() {
    }
}
