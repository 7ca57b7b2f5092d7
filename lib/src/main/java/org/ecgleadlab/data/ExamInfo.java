package org.ecgleadlab.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.ecgleadlab.util.EcgLabException;

/**
 * One exam: where its tracing lives and its six labels.
 *
 * @param examId    the CODE exam id (CODE-TEST folders without an {@code exam_id} dataset get stable synthetic ids,
 *                  see {@link CodeDataset})
 * @param patientId the CODE patient id, or {@link #UNKNOWN_PATIENT} (CODE-TEST)
 * @param labels    six 0/1 values in {@link Condition} order (copied; {@link #labels()} returns a copy)
 * @param file      the HDF5 file holding the tracing
 * @param row       the tracing's row in that file's {@code tracings} dataset
 * @param source    where the exam comes from: {@code code15} or the test-pool folder name
 * @param record    WFDB / PTB-XL: the record's name, its path under the dataset root without {@code .hea}
 *                  ({@code g1/JS00001}); empty for CODE HDF5 exams, whose exam id is their only name
 */
public record ExamInfo(long examId, long patientId, float[] labels, Path file, int row, String source,
                       String record) {
    /** Patient id of exams whose patient is not known; each such exam counts as its own patient. */
    public static final long UNKNOWN_PATIENT = -1;

    public ExamInfo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(record, "record");
        if (labels.length != Condition.COUNT) {
            throw new EcgLabException("exam " + examId + " in " + file + ": expected " + Condition.COUNT
                    + " labels, got " + labels.length);
        }
        labels = labels.clone();
    }

    /** An exam without a record name (CODE HDF5). */
    public ExamInfo(long examId, long patientId, float[] labels, Path file, int row, String source) {
        this(examId, patientId, labels, file, row, source, "");
    }

    /**
     * The dataset root of a WFDB / PTB-XL exam: its header's folder, up as many levels as its record name has
     * folders; null for CODE exams. Signal files a header names must lie inside it.
     */
    public Path recordRoot() {
        if (record.isEmpty()) {
            return null;
        }
        Path root = file.toAbsolutePath().normalize().getParent();
        int up = Path.of(record).getNameCount() - 1;
        for (int i = 0; i < up && root != null; i++) {
            root = root.getParent();
        }
        return root;
    }

    /**
     * Exam id → record name of {@code exams}, for the {@code record} column of per-exam files (empty names for CODE
     * exams, see docs/data-formats.md).
     */
    public static java.util.Map<Long, String> recordNames(java.util.Collection<ExamInfo> exams) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        for (ExamInfo exam : exams) {
            names.put(exam.examId(), exam.record());
        }
        return names;
    }

    /** A copy of the six labels in {@link Condition} order. */
    @Override
    public float[] labels() {
        return labels.clone();
    }

    /** Copies the six labels into {@code target} at {@code offset} (no allocation, for batch building). */
    public void copyLabels(float[] target, int offset) {
        System.arraycopy(labels, 0, target, offset, Condition.COUNT);
    }

    /** Whether the exam is labelled with {@code condition}. */
    public boolean has(Condition condition) {
        return labels[condition.index()] > 0.5f;
    }

    /** Whether any of the six conditions is present. */
    public boolean hasAnyLabel() {
        for (float label : labels) {
            if (label > 0.5f) {
                return true;
            }
        }
        return false;
    }

    /** Whether the patient is known. */
    public boolean hasKnownPatient() {
        return patientId != UNKNOWN_PATIENT;
    }

    /** A key that groups exams by patient; an exam with an unknown patient is its own group. */
    public String patientKey() {
        return hasKnownPatient() ? "p" + patientId : "e" + examId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExamInfo e && examId == e.examId && patientId == e.patientId
                && Arrays.equals(labels, e.labels) && file.equals(e.file) && row == e.row && source.equals(e.source)
                && record.equals(e.record);
    }

    @Override
    public int hashCode() {
        return Objects.hash(examId, patientId, Arrays.hashCode(labels), file, row, source, record);
    }

    @Override
    public String toString() {
        return "ExamInfo[examId=" + examId + ", patientId=" + patientId + ", labels=" + Arrays.toString(labels)
                + ", file=" + file + ", row=" + row + ", source=" + source + ", record=" + record + "]";
    }
}
