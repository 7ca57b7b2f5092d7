package org.ecgleadlab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ecgleadlab.data.wfdb.CodeRawForm;
import org.ecgleadlab.data.wfdb.StandardLeads;
import org.ecgleadlab.data.wfdb.WfdbHeader;
import org.ecgleadlab.data.wfdb.WfdbRecord;
import org.ecgleadlab.model.ModelBenchmark.Series;
import org.ecgleadlab.util.EcgLabException;

/**
 * WFDB read throughput on one thread: every run reads each record of a folder (searched recursively) as training
 * does: header, the 12 standard leads only (checksums verified), then {@link CodeRawForm} (resampled to 400 Hz,
 * cropped or padded to 4096 × 12). The page cache is warm after the warm-up run: decoding cost, not the disk's.
 */
public final class WfdbReadBenchmark {
    private final Path folder;
    private final List<Path> headers;
    private final long signalBytes;
    private double[] cpuRates = new double[0];

    private WfdbReadBenchmark(Path folder, List<Path> headers, long signalBytes) {
        this.folder = folder;
        this.headers = headers;
        this.signalBytes = signalBytes;
    }

    /** Prepares to read up to {@code maxRecords} records (sorted by path) of {@code folder}. */
    public static WfdbReadBenchmark of(Path folder, int maxRecords) {
        if (!Files.isDirectory(folder)) {
            throw new EcgLabException(folder + ": not a folder; give --wfdb a folder of WFDB records (.hea + .mat/.dat)");
        }
        List<Path> headers;
        try (Stream<Path> files = Files.walk(folder)) {
            headers = files.filter(f -> f.getFileName().toString().endsWith(".hea")).sorted().limit(maxRecords)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder + ": " + e.getMessage(), e);
        }
        if (headers.isEmpty()) {
            throw new EcgLabException(folder + ": no .hea file found; give --wfdb a folder of WFDB records");
        }
        long bytes = 0;
        for (Path hea : headers) {
            WfdbHeader header = WfdbHeader.read(hea);
            int[] leads = StandardLeads.match(header).orElseThrow(() -> new EcgLabException(hea
                    + ": lacks the 12 standard leads; give --wfdb a folder of 12-lead records"));
            try {
                bytes += Files.size(header.signalFile(leads[0]));
            } catch (IOException e) {
                throw new EcgLabException(header.signalFile(leads[0]) + ": cannot read its size (" + e.getMessage() + ")");
            }
        }
        return new WfdbReadBenchmark(folder, headers, bytes);
    }

    /** Records read per run. */
    public int records() {
        return headers.size();
    }

    /** Bytes of the signal files read per run. */
    public long signalBytes() {
        return signalBytes;
    }

    /** The folder measured. */
    public Path folder() {
        return folder;
    }

    /** Untimed then timed passes: records/s per run. */
    public Series run(int warmup, int runs, Runnable afterPass) {
        for (int i = 0; i < warmup; i++) {
            pass();
            afterPass.run();
        }
        double[] rates = new double[runs];
        cpuRates = new double[runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] heap = new long[runs];
        long[] rss = new long[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            pass();
            rates[r] = headers.size() / ((System.nanoTime() - start) / 1e9);
            cpuRates[r] = headers.size() / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            heap[r] = Memory.liveHeapBytes();
            rss[r] = Memory.rssBytes();
            afterPass.run();
        }
        return new Series(rates, heap, rss, Memory.peakHeapBytes(), Memory.peakRssBytes());
    }

    /**
     * Records per second of this thread's CPU time in each timed run of the last {@link #run}: the speed on an idle
     * core, which a busy shared machine's wall clock hides (the reading is single-threaded).
     */
    public double[] cpuRates() {
        return cpuRates.clone();
    }

    /** Reads every record once and touches the values so nothing is optimised away. */
    private void pass() {
        double sum = 0;
        for (Path hea : headers) {
            WfdbHeader header = WfdbHeader.read(hea);
            int[] leads = StandardLeads.match(header).orElseThrow();
            float[] tracing = CodeRawForm.of(WfdbRecord.read(header, leads), leads);
            sum += tracing[tracing.length / 2];
        }
        if (Double.isNaN(sum)) {
            throw new IllegalStateException("unreachable: CodeRawForm refuses non-finite values");
        }
    }
}
