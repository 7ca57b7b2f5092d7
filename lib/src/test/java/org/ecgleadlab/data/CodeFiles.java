package org.ecgleadlab.data;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes tiny CODE-format folders with jhdf for the reader tests; every value follows {@link #value}. */
final class CodeFiles {
    /** The real CODE-15% exams.csv header: note ST comes before AF, unlike the model's order. */
    static final String EXAMS_HEADER = "exam_id,age,is_male,nn_predicted_age,1dAVb,RBBB,LBBB,SB,ST,AF,patient_id,death,"
            + "timey,normal_ecg,trace_file";

    private CodeFiles() {
    }

    /** A value exact in float32 that identifies exam, sample and lead. */
    static float value(int exam, int sample, int lead) {
        return (float) (((sample % 200) - 100) / 64.0 + lead / 4.0 + 8.0 * exam);
    }

    /** {@code n} tracings (n, 4096, 12); tracing k holds {@code value(firstExam + k, ...)}. */
    static float[][][] tracings(int n, int firstExam) {
        float[][][] t = new float[n][CodeFormat.SAMPLES][Lead.COUNT];
        for (int e = 0; e < n; e++) {
            for (int s = 0; s < CodeFormat.SAMPLES; s++) {
                for (int l = 0; l < Lead.COUNT; l++) {
                    t[e][s][l] = value(firstExam + e, s, l);
                }
            }
        }
        return t;
    }

    /** Writes an HDF5 file with the given datasets (name, array) pairs. */
    static Path writeHdf(Path file, Object... namesAndData) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            for (int i = 0; i < namesAndData.length; i += 2) {
                hdf.putDataset((String) namesAndData[i], namesAndData[i + 1]);
            }
        }
        return file;
    }

    /** Writes a CODE-15% part holding {@code tracings} with exam ids {@code ids}. */
    static Path writePart(Path dir, int part, long[] ids, float[][][] tracings) {
        return writeHdf(dir.resolve("exams_part" + part + ".hdf5"), "tracings", tracings, "exam_id", ids);
    }

    /**
     * One exams.csv row in the real column order; labels given in MODEL order (1dAVb, RBBB, LBBB, SB, AF, ST), none
     * for an exam without any of the six.
     */
    static String examRow(long examId, long patientId, String part, String... modelOrderLabels) {
        String[] l = modelOrderLabels.length == 0 ? new String[] {"0", "0", "0", "0", "0", "0"} : modelOrderLabels;
        return examId + ",57,True,60.1," + l[0] + "," + l[1] + "," + l[2] + "," + l[3] + "," + l[5] + "," + l[4]
                + "," + patientId + ",False,100.0," + "False," + part;
    }

    static void writeLines(Path file, String header, List<String> rows) {
        try {
            Files.createDirectories(file.getParent());
            StringBuilder text = new StringBuilder(header).append('\n');
            rows.forEach(r -> text.append(r).append('\n'));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A CODE-TEST folder: ecg_tracings.hdf5 (+ exam_id when {@code ids} is not null) and gold_standard.csv. */
    static Path writeTestFolder(Path dir, float[][][] tracings, long[] ids, List<String> goldRows) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        if (ids == null) {
            writeHdf(dir.resolve(CodeFormat.TEST_TRACINGS_FILE), "tracings", tracings);
        } else {
            writeHdf(dir.resolve(CodeFormat.TEST_TRACINGS_FILE), "tracings", tracings, "exam_id", ids);
        }
        writeLines(dir.resolve(CodeFormat.GOLD_STANDARD), "1dAVb,RBBB,LBBB,SB,AF,ST", goldRows);
        return dir;
    }
}
