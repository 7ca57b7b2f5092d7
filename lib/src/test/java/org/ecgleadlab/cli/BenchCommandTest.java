package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.bench.BenchCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir
    Path temp;

    private static final String[] TINY = {"--device", "cpu", "--threads", "1", "--batch-size", "2", "--lead-count", "1",
        "--runs", "2", "--steps", "1", "--warmup", "0", "--matmul-size", "64"};

    @Test
    void appendsOneRowPerFigureUnderOneHeader() throws IOException {
        Path csv = temp.resolve("bench.csv");
        assertEquals(0, Cli.run(new BenchCommand(), withCsv(TINY, csv, "--only",
                "matmul,inference,training,bare-training,input-gradient")));
        assertEquals(0, Cli.run(new BenchCommand(), withCsv(TINY, csv, "--only", "matmul")));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", BenchCsv.HEADER), lines.get(0));
        assertEquals(1 + 5 + 1, lines.size());
        assertTrue(lines.get(6).contains(",matmul 64,GFLOP/s,"), lines.get(6));
        assertTrue(lines.get(4).contains(",bare-training,samples/s,"), lines.get(4));
        assertTrue(lines.get(2).contains(",inference,samples/s,"), lines.get(2));
        double median = Double.parseDouble(lines.get(2).split(",")[8]);
        assertTrue(median > 0, "inference rate " + median);
    }

    @Test
    void refusesToAppendToAForeignCsv() throws IOException {
        Path csv = Files.writeString(temp.resolve("other.csv"), "a,b\n1,2\n");
        assertEquals(Cli.USER_ERROR, Cli.run(new BenchCommand(), withCsv(TINY, csv, "--only", "matmul")));
        assertEquals("a,b\n1,2\n", Files.readString(csv));
    }

    @Test
    void anUnknownFigureIsOneLineNamingTheFigures() {
        String printed = CliCapture.run(Cli.USER_ERROR, new BenchCommand(),
                withCsv(TINY, temp.resolve("bench.csv"), "--only", "matmul,gpu"));
        assertTrue(printed.contains("bench: error: --only gpu: not a figure; use matmul, inference, training, "
                + "bare-training, input-gradient, rank-leads, hdf5, wfdb\n"), printed);
        assertTrue(Files.notExists(temp.resolve("bench.csv")));
    }

    @Test
    void helpNamesBatchSizeAndItsOlderName() {
        String help = CliCapture.run(0, new BenchCommand(), "--help");
        assertTrue(help.contains("--batch-size=<batchSize>"), help);
        assertTrue(help.contains("--batch, its older"), help);
        assertTrue(help.contains("figures to measure: matmul, inference, training,"), help);
    }

    /** {@code base}, then {@code --csv csv}, then {@code more}. */
    static String[] withCsv(String[] base, Path csv, String... more) {
        List<String> args = new ArrayList<>(List.of(base));
        args.add("--csv");
        args.add(csv.toString());
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
