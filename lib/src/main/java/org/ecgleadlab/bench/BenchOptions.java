package org.ecgleadlab.bench;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.explain.RankLeads;
import org.ecgleadlab.util.EcgLabException;

/**
 * The sizes the figures of {@code bench} run with.
 *
 * @param device     where the model figures run
 * @param batchSize  exams per batch of the model figures and of the hdf5 reads
 * @param leads      input leads of the model figures' model
 * @param runs       timed runs per figure (the median is reported)
 * @param steps      batches per run of the model figures
 * @param warmup     untimed batches before each model figure; the other figures take one untimed pass when above 0
 * @param matmulSize n of the n × n matmul
 * @param hdf5Files  CODE-format files for the hdf5 figure (empty: a generated contiguous part and the chunked test file)
 * @param wfdbFolder folder of WFDB records for the wfdb figure (null: the shared real-ECG folder when present)
 * @param readExams  exams read per hdf5 run, records per wfdb run
 * @param rankExams  exams per rank-leads run
 * @param igSteps    Integrated Gradients steps of the rank-leads figure
 */
public record BenchOptions(Device device, int batchSize, int leads, int runs, int steps, int warmup, int matmulSize,
                           List<Path> hdf5Files, Path wfdbFolder, int readExams, int rankExams, int igSteps) {
    public BenchOptions {
        if (batchSize < 1 || runs < 1 || steps < 1 || warmup < 0) {
            throw new EcgLabException("--batch-size, --runs and --steps must be at least 1, --warmup at least 0");
        }
        hdf5Files = List.copyOf(hdf5Files);
    }

    /** Untimed passes before the read and rank-leads figures: one whole pass warms the page cache and the JIT. */
    int warmupPasses() {
        return warmup > 0 ? 1 : 0;
    }

    /** Passes of a read or rank-leads figure: the warm-up and the timed runs. */
    int passes() {
        return warmupPasses() + runs;
    }

    /** Batches of a model figure: the warm-up and the timed runs' steps. */
    long modelSteps() {
        return warmup + (long) runs * steps;
    }

    /** Batches of one rank-leads pass (rank-leads' batch size). */
    int rankBatches() {
        return (rankExams + RankLeads.DEFAULT_BATCH_SIZE - 1) / RankLeads.DEFAULT_BATCH_SIZE;
    }
}
