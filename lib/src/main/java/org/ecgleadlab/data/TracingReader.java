package org.ecgleadlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.wfdb.CodeRawForm;
import org.ecgleadlab.util.EcgLabException;

/**
 * Streams raw tracings (time-major 4096 × 12 floats, mV, 400 Hz) from CODE HDF5 files by slices: a part file is never
 * loaded whole, and runs of consecutive rows are read as one slice. Contiguous, chunked and gzip-compressed datasets
 * all work (jhdf decodes the chunks a slice touches). A WFDB exam (its {@link ExamInfo#file()} is a {@code .hea}
 * header) is read whole and brought to the same raw form by {@link CodeRawForm}. Every value read is checked to be
 * finite.
 *
 * <p>Files are opened on first use and kept open until {@link #close()}. Not thread-safe: use one reader per thread.
 */
public final class TracingReader implements AutoCloseable {
    /** Longest run of rows read as one slice (about 12 MB), which bounds the reader's scratch memory. */
    static final int MAX_SLICE_ROWS = 64;

    private final Map<Path, TracingFile> open = new HashMap<>();
    private float[] scratch = new float[0];

    /** Reads one exam's raw tracing (a new array of 4096 × 12 floats, time-major). */
    public float[] read(ExamInfo exam) {
        return readAll(List.of(exam)).get(0);
    }

    /**
     * Reads the raw tracings of {@code exams}, returned in the given order. Exams are sorted by file and row
     * first so that each run of consecutive rows costs a single slice read.
     */
    public List<float[]> readAll(List<ExamInfo> exams) {
        Integer[] order = new Integer[exams.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer, Path>comparing(i -> exams.get(i).file())
                .thenComparingInt(i -> exams.get(i).row()));
        float[][] tracings = new float[exams.size()][];
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && end - start < MAX_SLICE_ROWS
                    && continues(exams.get(order[end - 1]), exams.get(order[end]))) {
                end++;
            }
            readRun(exams, order, start, end, tracings);
            start = end;
        }
        return Arrays.asList(tracings);
    }

    /** Whether {@code next} is the row right after {@code previous} in the same HDF5 file. */
    private static boolean continues(ExamInfo previous, ExamInfo next) {
        return next.file().equals(previous.file()) && next.row() == previous.row() + 1 && !isWfdb(next);
    }

    /** Whether the exam is a WFDB record (its file is the record's header). */
    public static boolean isWfdb(ExamInfo exam) {
        return exam.file().getFileName().toString().endsWith(".hea");
    }

    private void readRun(List<ExamInfo> exams, Integer[] order, int start, int end, float[][] tracings) {
        ExamInfo first = exams.get(order[start]);
        int count = end - start;
        if (isWfdb(first)) { // one record per file: never part of a longer run
            tracings[order[start]] = checkFinite(first, CodeRawForm.read(first.file(), first.recordRoot()), 0);
            return;
        }
        TracingFile file = open.computeIfAbsent(first.file(), TracingFile::open);
        if (count == 1) {
            float[] tracing = new float[CodeFormat.TRACING_VALUES];
            file.readRows(first.row(), 1, tracing);
            tracings[order[start]] = checkFinite(first, tracing, 0);
            return;
        }
        if (scratch.length < count * CodeFormat.TRACING_VALUES) {
            scratch = new float[MAX_SLICE_ROWS * CodeFormat.TRACING_VALUES];
        }
        file.readRows(first.row(), count, scratch);
        for (int k = 0; k < count; k++) {
            ExamInfo exam = exams.get(order[start + k]);
            checkFinite(exam, scratch, k * CodeFormat.TRACING_VALUES);
            tracings[order[start + k]] = Arrays.copyOfRange(scratch, k * CodeFormat.TRACING_VALUES,
                    (k + 1) * CodeFormat.TRACING_VALUES);
        }
    }

    /** Throws, naming file, exam, lead and sample, on the first NaN or infinite value of one tracing. */
    private static float[] checkFinite(ExamInfo exam, float[] values, int offset) {
        for (int i = 0; i < CodeFormat.TRACING_VALUES; i++) {
            float v = values[offset + i];
            if (!Float.isFinite(v)) {
                int sample = i / Lead.COUNT;
                Lead lead = Lead.values()[i % Lead.COUNT];
                throw new EcgLabException(exam.file() + ": exam " + exam.examId() + " (row " + exam.row()
                        + "), field 'tracings' lead " + lead + " sample " + sample + " is " + v
                        + "; repair or drop this exam (tracings must be finite mV values)");
            }
        }
        return values;
    }

    /** Closes every file this reader opened. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (TracingFile file : open.values()) {
            try {
                file.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        open.clear();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
