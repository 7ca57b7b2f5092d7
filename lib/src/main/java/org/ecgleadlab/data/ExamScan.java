package org.ecgleadlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.ecgleadlab.util.EcgLabException;

/**
 * One pass over every tracing of a dataset: finds all-zero exams, 7-s recordings (zero-padded to 4096 samples) and
 * tracings that cannot be used (NaN/Inf), without stopping at the first bad exam. Reads runs of consecutive rows as
 * single slices, so the pass runs at the reader's streaming speed.
 */
public final class ExamScan {
    /** A stored signal this short or shorter is a 7-s recording (2800 samples); 10-s ones span 4000. */
    static final int SEVEN_SECOND_LIMIT = (2800 + 4000) / 2;
    private static final int RUN = TracingReader.MAX_SLICE_ROWS;

    /**
     * What the scan found.
     *
     * @param scanned      exams read
     * @param allZero      ids of exams whose tracing is all zeros
     * @param sevenSecond  ids of (non-zero) exams whose signal spans at most {@link #SEVEN_SECOND_LIMIT} samples
     * @param problemCount unreadable exams
     * @param problems     the first {@link DataReport#MAX_LISTED_PROBLEMS} of their messages
     * @param bytesRead    tracing bytes read (float32)
     * @param seconds      wall time of the scan
     */
    public record Result(int scanned, List<Long> allZero, List<Long> sevenSecond, int problemCount,
            List<String> problems, long bytesRead, double seconds) {
        /** Reading speed in MB/s (10^6 bytes). */
        public double megabytesPerSecond() {
            return bytesRead / 1e6 / Math.max(seconds, 1e-9);
        }

        /** Reading speed in exams per second. */
        public double examsPerSecond() {
            return scanned / Math.max(seconds, 1e-9);
        }
    }

    private ExamScan() {
    }

    /** Scans {@code exams} (best in file and row order, as {@link CodeDataset#exams()} lists them). */
    public static Result scan(List<ExamInfo> exams, IntConsumer progress) {
        long start = System.nanoTime();
        List<Long> allZero = new ArrayList<>();
        List<Long> sevenSecond = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int problemCount = 0;
        try (TracingReader reader = new TracingReader()) {
            for (int from = 0; from < exams.size(); from += RUN) {
                List<ExamInfo> run = exams.subList(from, Math.min(exams.size(), from + RUN));
                List<float[]> tracings;
                try {
                    tracings = reader.readAll(run);
                } catch (EcgLabException runFailed) {
                    tracings = new ArrayList<>(); // read one by one to find every bad exam of the run
                    for (ExamInfo exam : run) {
                        try {
                            tracings.add(reader.read(exam));
                        } catch (EcgLabException bad) {
                            tracings.add(null);
                            problemCount++;
                            if (problems.size() < DataReport.MAX_LISTED_PROBLEMS) {
                                problems.add(bad.getMessage());
                            }
                        }
                    }
                }
                for (int i = 0; i < run.size(); i++) {
                    float[] raw = tracings.get(i);
                    if (raw == null) {
                        continue;
                    }
                    int signal = signalSamples(raw);
                    if (signal == 0) {
                        allZero.add(run.get(i).examId());
                    } else if (signal <= SEVEN_SECOND_LIMIT) {
                        sevenSecond.add(run.get(i).examId());
                    }
                }
                progress.accept(run.size());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(exams.size(), allZero, sevenSecond, problemCount, problems,
                (long) exams.size() * CodeFormat.TRACING_VALUES * Float.BYTES, seconds);
    }

    /** Samples from the first to the last time step where any lead is non-zero (0 for an all-zero tracing). */
    public static int signalSamples(float[] raw) {
        int first = -1;
        int last = -1;
        for (int s = 0; s < CodeFormat.SAMPLES; s++) {
            for (int l = 0; l < Lead.COUNT; l++) {
                if (raw[s * Lead.COUNT + l] != 0f) {
                    if (first < 0) {
                        first = s;
                    }
                    last = s;
                    break;
                }
            }
        }
        return first < 0 ? 0 : last - first + 1;
    }
}
