package org.ecgleadlab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ecgleadlab.data.synthetic.SyntheticConfig;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.data.synthetic.SyntheticGenerator;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;

/**
 * The read figures: HDF5 files and WFDB folders, each as records (or exams) per second and as MB/s of CODE raw
 * tracings made ({@link ReadBenchmark#BYTES_PER_EXAM} per exam), so the two formats compare on the same count.
 */
final class ReadFigures {
    /** The small chunked+gzip part written by h5py for the reader's tests (jhdf cannot write chunked data). */
    static final String CHUNKED_TEST_FILE = "lib/src/test/resources/data/chunked_gzip_part.hdf5";

    private static final double MEGABYTES_PER_EXAM = ReadBenchmark.BYTES_PER_EXAM / 1e6;

    private ReadFigures() {
    }

    /**
     * HDF5 read throughput of each {@code --hdf5} file, or of a freshly generated contiguous part of
     * {@code --read-exams} exams and the chunked test file: an exams/s row and a MB/s row each.
     */
    static void hdf5(FigureContext context) {
        BenchOptions options = context.options();
        if (options.readExams() < 1) {
            throw new EcgLabException("--read-exams must be at least 1");
        }
        Path generated = null;
        try {
            List<Path> files = new ArrayList<>(options.hdf5Files());
            if (files.isEmpty()) {
                generated = Files.createTempDirectory("ecg-bench-");
                files.add(generatedPart(generated.resolve("synthetic"), options.readExams()));
                Path chunked = ProjectPaths.root().resolve(CHUNKED_TEST_FILE);
                if (Files.isRegularFile(chunked)) {
                    files.add(chunked);
                }
            }
            for (Path file : files) {
                Memory.resetPeaks();
                ReadBenchmark read = ReadBenchmark.of(file, options.readExams(), options.batchSize());
                Series exams = read.run(options.warmupPasses(), options.runs(), context.step());
                context.out().println("hdf5 file " + file);
                reportWithMegabytes(context, new Measurement("hdf5 " + read.layout() + " (" + read.exams() + " exams)",
                        "exams/s", 0, exams, options.batchSize(), 12));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder for the hdf5 figure: " + e.getMessage(), e);
        } finally {
            deleteTree(generated);
        }
    }

    /**
     * WFDB read throughput of {@code --wfdb}, or of the shared real-ECG folder when it is there (else the figure is
     * skipped with a line saying so): a records/s row and a MB/s row, and the rate per second of CPU time printed.
     */
    static void wfdb(FigureContext context) {
        BenchOptions options = context.options();
        Path folder = options.wfdbFolder() != null ? options.wfdbFolder()
                : ProjectPaths.root().getParent().resolve("shared").resolve("real-ecg").resolve("cpsc2018-challenge2020");
        if (options.wfdbFolder() == null && !Files.isDirectory(folder)) {
            context.out().println("wfdb: skipped (no --wfdb FOLDER and no " + folder + ")");
            return;
        }
        Memory.resetPeaks();
        WfdbReadBenchmark read = WfdbReadBenchmark.of(folder, options.readExams());
        WfdbReadBenchmark.Runs runs = read.run(options.warmupPasses(), options.runs(), context.step());
        Series records = runs.records();
        double[] cpu = runs.cpuRates().clone();
        Arrays.sort(cpu);
        context.out().printf(Locale.ROOT, "wfdb folder %s: %.1f MB of signal files per run, %.1f MB/s of them; %.1f records "
                + "per second of CPU time (median)%n", folder, read.signalBytes() / 1e6,
                records.median() * read.signalBytes() / read.records() / 1e6, cpu[cpu.length / 2]);
        reportWithMegabytes(context, new Measurement("wfdb " + folder.getFileName() + " (" + read.records() + " records)",
                "records/s", 0, records, 1, 12));
    }

    /** Reports {@code perExam} and the same runs in MB/s of raw tracings. */
    private static void reportWithMegabytes(FigureContext context, Measurement perExam) {
        context.report(perExam);
        context.report(perExam.in("MB/s", MEGABYTES_PER_EXAM));
    }

    /** A contiguous CODE-15% part of {@code exams} synthetic exams under {@code folder}. */
    private static Path generatedPart(Path folder, int exams) {
        SyntheticConfig config = SyntheticConfig.defaults().withSizes(1, exams, 1, 1);
        new SyntheticGenerator(config, Runtime.getRuntime().availableProcessors(), false).generate(folder);
        return folder.resolve(SyntheticDataset.CODE15).resolve("exams_part0.hdf5");
    }

    /** Deletes a temporary folder and everything in it (nothing when null). */
    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
