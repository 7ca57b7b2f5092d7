package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.synthetic.SyntheticConfig;
import org.ecgleadlab.data.synthetic.SyntheticGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data and ranking figures of {@code bench} and its {@code --stream} procedure, on tiny sizes. */
class BenchFiguresTest {
    private static final String[] TINY = {"--device", "cpu", "--threads", "1", "--runs", "2", "--warmup", "0"};

    @TempDir
    Path temp;

    @Test
    void hdf5FigureReadsAGeneratedContiguousPartAndTheChunkedTestFile() throws IOException {
        Path csv = temp.resolve("bench.csv");
        assertEquals(0, Cli.run(new BenchCommand(), args(csv, "--only", "hdf5", "--read-exams", "4")));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).contains(",hdf5 contiguous (4 exams),exams/s,"), lines.get(1));
        assertTrue(lines.get(2).contains(",hdf5 contiguous (4 exams),MB/s,"), lines.get(2));
        assertTrue(lines.get(3).contains(",hdf5 chunked 2x1000x5 deflate (3 exams),exams/s,"), lines.get(3));
        assertMegabytesPerSecondFollowTheRate(lines.get(1), lines.get(2));
    }

    @Test
    void wfdbFigureReadsAFolderOfRecords() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("wfdb").resolve("sub"));
        StringBuilder header = new StringBuilder("r 12 500 5000\n");
        for (String lead : List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6")) {
            header.append("r.mat 16+24 1000/mV 16 0 0 0 0 ").append(lead).append('\n');
        }
        for (String name : List.of("a", "b", "c")) {
            Files.writeString(folder.resolve(name + ".hea"), header.toString().replace("r.mat", name + ".mat"));
            Files.write(folder.resolve(name + ".mat"), new byte[24 + 2 * 12 * 5000]);
        }
        Path csv = temp.resolve("bench.csv");
        assertEquals(0, Cli.run(new BenchCommand(), args(csv, "--only", "wfdb", "--wfdb",
                temp.resolve("wfdb").toString(), "--read-exams", "2")));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).contains(",wfdb wfdb (2 records),records/s,"), lines.get(1));
        assertTrue(lines.get(2).contains(",wfdb wfdb (2 records),MB/s,"), lines.get(2));
        assertMegabytesPerSecondFollowTheRate(lines.get(1), lines.get(2));
    }

    @Test
    void rankLeadsFigureHasARowForAllMethodsAndOnePerMethod() throws IOException {
        Path csv = temp.resolve("bench.csv");
        assertEquals(0, Cli.run(new BenchCommand(), args(csv, "--only", "rank-leads", "--rank-exams", "1",
                "--ig-steps", "1")));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 5, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).contains(",rank-leads all four,exams/s,"), lines.get(1));
        assertTrue(lines.get(5).contains(",rank-leads integrated gradients,exams/s,"), lines.get(5));
        double all = Double.parseDouble(lines.get(1).split(",")[8]);
        double ig = Double.parseDouble(lines.get(5).split(",")[8]);
        assertTrue(all > 0 && all < ig, "all four " + all + " exams/s must be slower than IG alone " + ig);
    }

    @Test
    void streamRunsTheLoadingTrainingAndRankingPasses() throws IOException {
        Path data = temp.resolve("synthetic");
        new SyntheticGenerator(SyntheticConfig.defaults().withSizes(1, 24, 1, 1), 1, false).generate(data);
        Path csv = temp.resolve("bench.csv");
        // --batch, the older name of --batch-size, still works; --runs and --warmup size the figures, not --stream
        String[] streamOnly = {"--device", "cpu", "--threads", "1"};
        assertEquals(0, Cli.run(new BenchCommand(), BenchCommandTest.withCsv(streamOnly, csv, "--stream",
                data.resolve("code15").toString(),
                "--batch", "4", "--stream-small", "8", "--stream-batches", "2", "--stream-rank-batches", "1",
                "--ig-steps", "1")));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).contains(",stream load 8 exams,exams/s,"), lines.get(1));
        assertEquals("4", lines.get(1).split(",")[13], "the batch column: " + lines.get(1));
        assertTrue(lines.get(3).contains(",stream training,exams/s,"), lines.get(3));
        assertTrue(lines.get(4).contains(",stream ranking,exams/s,"), lines.get(4));
    }

    /** The MB/s row's median is the exams (or records) per second row's times the raw bytes of an exam. */
    private static void assertMegabytesPerSecondFollowTheRate(String perExamRow, String megabytesRow) {
        double perSecond = Double.parseDouble(perExamRow.split(",")[8]);
        double megabytesPerSecond = Double.parseDouble(megabytesRow.split(",")[8]);
        assertEquals(perSecond * 4 * 4096 * 12 / 1e6, megabytesPerSecond, 0.02 * megabytesPerSecond);
    }

    private static String[] args(Path csv, String... more) {
        return BenchCommandTest.withCsv(TINY, csv, more);
    }
}
