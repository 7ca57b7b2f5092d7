package org.ecgleadlab.subsets;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Lead;

/**
 * A CODE-15%-format folder in which only leads I and V1 carry the labels: RBBB is present exactly when lead I holds a
 * 10 Hz oscillation on a raised baseline, AF exactly when V1 does; every lead holds a beat-like wave of random amplitude and phase with
 * noise, which says nothing about the labels. The other four conditions never occur. So the best single lead must be
 * I or V1 and the best pair I + V1. (The feature is blunt on purpose: the test trains the full LGA-ECG for seconds.)
 */
final class TwoLeadData {
    static final double PREVALENCE = 0.35;
    private static final String HEADER = "exam_id,age,is_male,nn_predicted_age,1dAVb,RBBB,LBBB,SB,ST,AF,patient_id,"
            + "death,timey,normal_ecg,trace_file";

    private TwoLeadData() {
    }

    /** Writes {@code exams} exams with ids from {@code firstId} into {@code dir}; returns {@code dir}. */
    static Path write(Path dir, int exams, long firstId, long seed) {
        Random random = new Random(seed);
        float[][][] tracings = new float[exams][CodeFormat.SAMPLES][Lead.COUNT];
        long[] ids = new long[exams];
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int e = 0; e < exams; e++) {
            ids[e] = firstId + e;
            boolean rbbb = random.nextDouble() < PREVALENCE;
            boolean af = random.nextDouble() < PREVALENCE;
            for (Lead lead : Lead.values()) {
                boolean burst = lead == Lead.I ? rbbb : lead == Lead.V1 && af;
                fill(tracings[e], lead.channel(), burst, random);
            }
            csv.append(ids[e]).append(",57,True,60.1,False,").append(rbbb ? "True" : "False")
                    .append(",False,False,False,").append(af ? "True" : "False").append(',').append(ids[e])
                    .append(",False,100.0,False,exams_part0.hdf5\n");
        }
        try {
            Files.createDirectories(dir);
            try (WritableHdfFile hdf = HdfFile.write(dir.resolve("exams_part0.hdf5"))) {
                hdf.putDataset("tracings", tracings);
                hdf.putDataset("exam_id", ids);
            }
            Files.writeString(dir.resolve("exams.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * A 1.2 Hz beat-like wave with noise; with {@code burst}, plus a 10 Hz oscillation of 1.5 mV and a 1.5 mV baseline
     * shift over the whole exam (two blunt cues, so a few hundred training steps learn both conditions).
     */
    private static void fill(float[][] tracing, int channel, boolean burst, Random random) {
        double phase = random.nextDouble() * 2 * Math.PI;
        double amplitude = 0.4 + 0.4 * random.nextDouble();
        for (int s = 0; s < CodeFormat.SAMPLES; s++) {
            double t = s / 400.0;
            double value = amplitude * Math.sin(2 * Math.PI * 1.2 * t + phase) + 0.05 * random.nextGaussian();
            if (burst) {
                value += 1.5 + 1.5 * Math.sin(2 * Math.PI * 10 * t);
            }
            tracing[s][channel] = (float) value;
        }
    }
}
