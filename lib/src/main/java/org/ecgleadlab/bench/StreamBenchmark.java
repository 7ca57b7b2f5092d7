package org.ecgleadlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.Batches;

/**
 * Streams batches from {@link Batches} (read + resample on the prefetch thread) into some work on this thread and
 * records where the time goes: waiting for the next batch (loading not hidden by prefetch) versus the work itself,
 * the rate over successive windows of the stream (a slowdown deep into a big file shows there), and the heap still
 * live after a full collection at the end of each window (flat when nothing leaks; the collection is not timed).
 */
public final class StreamBenchmark {
    /** Windows a pass is split into for its rate and heap trace. */
    public static final int WINDOWS = 10;

    /** What runs on each batch on the consumer's thread (nothing for a pure loading pass). */
    @FunctionalInterface
    public interface Work {
        void accept(Batch batch);
    }

    /**
     * One pass.
     *
     * @param exams          exams consumed
     * @param seconds        wall time of the pass, first batch wait included
     * @param waitSeconds    time the consumer spent blocked on the next batch
     * @param workSeconds    time spent in the work
     * @param windowRates    exams/s of each successive window of batches
     * @param windowHeapAfterGc heap live after a full collection at the end of each window (bytes)
     * @param peakHeapBytes  highest heap use during the pass
     * @param peakRssBytes   highest resident set during the pass (-1 off Linux)
     */
    public record Pass(int exams, double seconds, double waitSeconds, double workSeconds, double[] windowRates,
                       long[] windowHeapAfterGc, long peakHeapBytes, long peakRssBytes) {
        /** Exams per second over the whole pass. */
        public double examsPerSecond() {
            return exams / seconds;
        }

        /** Share of the pass spent waiting for data (0 = loading fully hidden behind the work). */
        public double waitShare() {
            return waitSeconds / seconds;
        }
    }

    private StreamBenchmark() {
    }

    /**
     * Streams epoch 0 of {@code batches} through {@code work}, stopping after {@code maxBatches} batches (all when
     * {@code maxBatches} is at least the epoch's). {@code afterBatch} runs after each batch (a progress bar's step).
     */
    public static Pass run(Batches batches, int maxBatches, Work work, Runnable afterBatch) {
        Objects.requireNonNull(work, "work");
        int planned = Math.min(maxBatches, batches.batchesPerEpoch());
        int perWindow = Math.max(1, (planned + WINDOWS - 1) / WINDOWS);
        List<Double> rates = new ArrayList<>();
        List<Long> heaps = new ArrayList<>();
        Memory.resetPeaks();
        long start = System.nanoTime();
        long waitNanos = 0;
        long workNanos = 0;
        int exams = 0;
        int windowExams = 0;
        long windowStart = start;
        int done = 0;
        try (Batches.Stream stream = batches.epoch(0)) {
            while (done < planned) {
                long beforeWait = System.nanoTime();
                if (!stream.hasNext()) {
                    break;
                }
                Batch batch = stream.next();
                long beforeWork = System.nanoTime();
                waitNanos += beforeWork - beforeWait;
                work.accept(batch);
                long end = System.nanoTime();
                workNanos += end - beforeWork;
                exams += batch.size();
                windowExams += batch.size();
                done++;
                afterBatch.run();
                if (done % perWindow == 0 || done == planned) {
                    rates.add(windowExams / ((end - windowStart) / 1e9));
                    heaps.add(Memory.liveHeapBytes());
                    long collection = System.nanoTime() - end;
                    start += collection; // the collection is measurement, not part of the pass
                    windowExams = 0;
                    windowStart = System.nanoTime();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Pass(exams, seconds, waitNanos / 1e9, workNanos / 1e9,
                rates.stream().mapToDouble(Double::doubleValue).toArray(),
                heaps.stream().mapToLong(Long::longValue).toArray(), Memory.peakHeapBytes(), Memory.peakRssBytes());
    }

    /**
     * How much of the loading the prefetch thread hid: 1 − wait / load, where {@code loadSecondsAlone} is what the
     * same batches take to load with no work behind them. 1 = fully overlapped, 0 = not at all.
     */
    public static double overlap(Pass withWork, double loadSecondsAlone) {
        if (loadSecondsAlone <= 0) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, 1 - withWork.waitSeconds() / loadSecondsAlone));
    }
}
