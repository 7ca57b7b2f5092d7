package org.ecgleadlab.bench;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.TracingReader;
import org.ecgleadlab.util.EcgLabException;

/**
 * HDF5 read throughput of one CODE-format part file: every run reads the file's exams in order, a batch at a time,
 * through a fresh {@link TracingReader} (the path {@code Batches} takes), so contiguous files cost one slice per batch
 * and chunked ones decode each chunk once. The operating system's page cache is warm after the warm-up run: this is
 * the decoding and copying cost, not the disk's.
 *
 * @param file      the file measured
 * @param examList  the exams read, in row order (ids are the rows; labels are all 0)
 * @param layout    how the file stores its tracings, e.g. {@code contiguous} or {@code chunked 64x4096x12 deflate}
 * @param batchSize exams per read
 */
public record ReadBenchmark(Path file, List<ExamInfo> examList, String layout, int batchSize) {
    /** Raw bytes of one exam as the model reads it (4096 × 12 float32). */
    public static final double BYTES_PER_EXAM = 4.0 * CodeFormat.TRACING_VALUES;

    /**
     * Prepares to read up to {@code maxExams} exams of {@code file} (a CODE-15% part or a CODE-TEST tracings file)
     * in batches of {@code batchSize}.
     */
    public static ReadBenchmark of(Path file, int maxExams, int batchSize) {
        if (!Files.isRegularFile(file)) {
            throw new EcgLabException(file + ": file not found; give a CODE-format HDF5 file (e.g. exams_part0.hdf5)");
        }
        int rows;
        String layout;
        try (HdfFile hdf = new HdfFile(file)) {
            Node node = hdf.getChild(CodeFormat.TRACINGS);
            if (!(node instanceof Dataset tracings) || tracings.getDimensions().length != 3) {
                throw new EcgLabException(file + ": dataset 'tracings' (N, 4096, 12) is missing; give a CODE-format file");
            }
            rows = tracings.getDimensions()[0];
            layout = layout(tracings);
        } catch (HdfException e) {
            throw new EcgLabException(file + ": not a readable HDF5 file (" + e.getMessage() + "); give a CODE-format file", e);
        }
        int count = Math.min(rows, maxExams);
        List<ExamInfo> exams = new ArrayList<>(count);
        float[] noLabels = new float[Condition.COUNT];
        for (int row = 0; row < count; row++) {
            exams.add(new ExamInfo(row, ExamInfo.UNKNOWN_PATIENT, noLabels, file, row, "bench"));
        }
        return new ReadBenchmark(file, exams, layout, batchSize);
    }

    /** "contiguous", or "chunked" with the chunk shape and filters, e.g. {@code chunked 2x1000x5 deflate}. */
    private static String layout(Dataset tracings) {
        if (!(tracings instanceof ChunkedDataset chunked)) {
            return "contiguous";
        }
        String shape = Arrays.stream(chunked.getChunkDimensions()).mapToObj(Integer::toString)
                .collect(Collectors.joining("x"));
        String filters = tracings.getFilters().stream().map(f -> f.getName().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("+"));
        return "chunked " + shape + (filters.isEmpty() ? "" : " " + filters);
    }

    /** Exams read per run. */
    public int exams() {
        return examList.size();
    }

    /** Untimed then timed passes over the exams: exams/s per run (times {@link #BYTES_PER_EXAM} gives bytes/s). */
    public Series run(int warmup, int runs, Runnable afterPass) {
        return TimedRuns.run(warmup, runs, 1, examList.size(), this::pass, afterPass);
    }

    /** Reads every exam once, a batch at a time, and touches the values so nothing is optimised away. */
    private void pass() {
        double checksum = 0;
        try (TracingReader reader = new TracingReader()) {
            for (int start = 0; start < examList.size(); start += batchSize) {
                List<ExamInfo> batch = examList.subList(start, Math.min(examList.size(), start + batchSize));
                for (float[] tracing : reader.readAll(batch)) {
                    checksum += tracing[tracing.length / 2];
                }
            }
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("unreachable: the reader rejects non-finite values");
        }
    }
}
