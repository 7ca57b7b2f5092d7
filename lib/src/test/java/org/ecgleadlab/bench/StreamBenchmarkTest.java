package org.ecgleadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecgleadlab.data.Batches;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;

class StreamBenchmarkTest {
    private static final Path CHUNKED = ProjectPaths.root().resolve("lib/src/test/resources/data/chunked_gzip_part.hdf5");

    @Test
    void readBenchmarkNamesTheLayoutAndReadsEveryExam() {
        ReadBenchmark read = ReadBenchmark.of(CHUNKED, 100, 2);
        assertEquals(3, read.exams());
        assertEquals("chunked 2x1000x5 deflate", read.layout());
        AtomicInteger passes = new AtomicInteger();
        var series = read.run(1, 2, passes::incrementAndGet);
        assertEquals(3, passes.get());
        assertEquals(2, series.rates().length);
        assertTrue(series.min() > 0, "rate " + series.min());
    }

    @Test
    void streamCountsEveryExamAndStopsAtTheBatchLimit() {
        ReadBenchmark file = ReadBenchmark.of(CHUNKED, 100, 1);
        AtomicInteger batches = new AtomicInteger();
        StreamBenchmark.Pass all = StreamBenchmark.run(Batches.builder(file.examList(), 1).build(), 100,
                batch -> batches.incrementAndGet(), () -> { });
        assertEquals(3, all.exams());
        assertEquals(3, batches.get());
        assertEquals(3, all.windowRates().length);
        assertTrue(all.waitSeconds() + all.workSeconds() <= all.seconds() + 1e-3);
        StreamBenchmark.Pass two = StreamBenchmark.run(Batches.builder(file.examList(), 1).build(), 2, batch -> { },
                () -> { });
        assertEquals(2, two.exams());
    }

    @Test
    void overlapIsTheShareOfLoadingNotWaitedFor() {
        StreamBenchmark.Pass pass = new StreamBenchmark.Pass(10, 5, 1, 4, new double[] {2}, new long[] {0}, 0, 0);
        assertEquals(0.75, StreamBenchmark.overlap(pass, 4), 1e-12);
        assertEquals(0, StreamBenchmark.overlap(pass, 0.5), 1e-12);
    }
}
