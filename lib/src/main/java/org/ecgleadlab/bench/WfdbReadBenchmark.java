package org.ecgleadlab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ecgleadlab.data.wfdb.CodeRawForm;
import org.ecgleadlab.data.wfdb.StandardLeads;
import org.ecgleadlab.data.wfdb.WfdbHeader;
import org.ecgleadlab.data.wfdb.WfdbRecord;
import org.ecgleadlab.util.EcgLabException;

/**
 * WFDB read throughput on one thread: every run reads each record of a folder (searched recursively) as training
 * does: header, the 12 standard leads only (checksums verified), then {@link CodeRawForm} (resampled to 400 Hz,
 * cropped or padded to 4096 × 12). The page cache is warm after the warm-up run: decoding cost, not the disk's.
 *
 * @param folder      the folder measured
 * @param headers     the records' {@code .hea} files, sorted by path
 * @param signalBytes bytes of the signal files read per run
 */
public record WfdbReadBenchmark(Path folder, List<Path> headers, long signalBytes) {
    /**
     * The timed runs.
     *
     * @param records  records/s of wall time per run
     * @param cpuRates records per second of this thread's CPU time per run: the speed on an idle core, which a busy
     *                 shared machine's wall clock hides (the reading is single-threaded)
     */
    public record Runs(Series records, double[] cpuRates) {
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

    /** Untimed then timed passes: records/s per run, of wall and of CPU time. */
    public Runs run(int warmup, int runs, Runnable afterPass) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> cpuSeconds = new ArrayList<>();
        Series records = TimedRuns.run(warmup, runs, 1, headers.size(), () -> {
            long cpuStart = threads.getCurrentThreadCpuTime();
            pass();
            cpuSeconds.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }, afterPass);
        double[] cpuRates = cpuSeconds.subList(warmup, cpuSeconds.size()).stream()
                .mapToDouble(seconds -> headers.size() / seconds).toArray();
        return new Runs(records, cpuRates);
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
