package org.ecgleadlab.data.synthetic;

import java.util.Set;
import org.ecgleadlab.data.Condition;

/**
 * One row of a CODE-15% {@code exams.csv}.
 *
 * @param examId         exam id, as in the HDF5 {@code exam_id} dataset
 * @param age            age at the exam, years
 * @param male           sex
 * @param nnPredictedAge the "ECG age" column of the real file (age estimated from the tracing)
 * @param labels         the six diagnostic labels
 * @param patientId      the patient (several exams share one)
 * @param death          death during follow-up, or null when follow-up is missing (blank cell)
 * @param timey          follow-up time, years, or null when missing
 * @param traceFile      the part file holding the tracing, e.g. {@code exams_part0.hdf5}
 */
public record Code15Row(long examId, int age, boolean male, double nnPredictedAge, Set<Condition> labels,
                        long patientId, Boolean death, Double timey, String traceFile) {

    /** The CSV header, in the real file's column order. */
    public static final String[] HEADER = {"exam_id", "age", "is_male", "nn_predicted_age", "1dAVb", "RBBB",
            "LBBB", "SB", "ST", "AF", "patient_id", "death", "timey", "normal_ecg", "trace_file"};

    /** The real file's label column order (not the model's). */
    static final Condition[] LABEL_COLUMNS = {Condition.AVB1, Condition.RBBB, Condition.LBBB, Condition.SB,
            Condition.ST, Condition.AF};

    /** normal_ecg: no label set. */
    public boolean normalEcg() {
        return labels.isEmpty();
    }
}
