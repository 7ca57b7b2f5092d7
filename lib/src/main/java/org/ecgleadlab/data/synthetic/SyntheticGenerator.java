package org.ecgleadlab.data.synthetic;

import static org.ecgleadlab.data.synthetic.ExamSynthesizer.LEADS;
import static org.ecgleadlab.data.synthetic.ExamSynthesizer.ROWS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.ProgressOutput;

/**
 * Writes a synthetic dataset in the CODE formats: {@code code15/} (part files + exams.csv), {@code code-test/}
 * and {@code audit/} (CODE-TEST format), and {@code manifest.json}. The folder appears atomically: it is
 * written beside the target and renamed into place, so readers never see a half-written dataset.
 * Exams are made in parallel; each draws from its own seeded stream, so the bytes do not depend on threads.
 * A part file is held in memory while it is made (jhdf writes a dataset in one go): about 300 MB per
 * 1000 exams, which bounds the part size rather than the dataset size.
 */
public final class SyntheticGenerator {
    /**
     * The version the embedded default is generated with and the shipped checkpoints were trained on. A version
     * number is bumped whenever the output for a given configuration changes (data/README.md, "Generator version 3").
     */
    public static final int DEFAULT_VERSION = 3;
    /** The previous default, still selectable ({@code generate-data --generator-version 2}); its bytes are pinned. */
    public static final int PREVIOUS_VERSION = 2;
    /** The newest version, measured against real ECGs ({@code generate-data --generator-version 3}). */
    public static final int LATEST_VERSION = 3;

    private final SyntheticConfig config;
    private final ExamModel model;
    private final int threads;
    private final boolean progress;

    /**
     * @param config   what to generate
     * @param threads  worker threads (the output does not depend on it)
     * @param progress show progress on stderr (a bar on a terminal, plain lines elsewhere)
     */
    public SyntheticGenerator(SyntheticConfig config, int threads, boolean progress) {
        this(config, DEFAULT_VERSION, threads, progress);
    }

    /**
     * @param config   what to generate
     * @param version  generator version (3, the default, or 2; another is refused in one line)
     * @param threads  worker threads (the output does not depend on it)
     * @param progress show progress on stderr
     */
    public SyntheticGenerator(SyntheticConfig config, int version, int threads, boolean progress) {
        this.config = config;
        this.model = ExamModel.of(version);
        this.threads = Math.max(1, threads);
        this.progress = progress;
    }

    /** {@code version} when this generator has it, else a one-line refusal naming the versions there are. */
    public static int checkedVersion(int version) {
        return ExamModel.of(version).version();
    }

    /** What a generation wrote and how fast. */
    public record Report(SyntheticDataset dataset, int exams, double seconds, long bytes) {
        /** Exams per second, all writing included. */
        public double examsPerSecond() {
            return exams / seconds;
        }
    }

    /** Generates into {@code target}, replacing what is there only once the new folder is complete. */
    public Report generate(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path temp = null;
        try {
            Files.createDirectories(absolute.getParent());
            temp = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".tmp-");
            makeReadableByAll(temp);
            long start = System.nanoTime();
            writeInto(temp);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> files = listFiles(temp);
            new GenerationManifest("ecg-lead-lab synthetic dipole generator", model.version(), config,
                    config.totalExams(), files, seconds, threads).writeTo(temp);
            AtomicFiles.replaceFolder(temp, absolute);
            temp = null;
            long bytes = files.values().stream().mapToLong(Long::longValue).sum();
            return new Report(SyntheticDataset.at(absolute), config.totalExams(), seconds, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the synthetic dataset to " + target + ": "
                    + e.getMessage(), e);
        } finally {
            if (temp != null) {
                AtomicFiles.deleteTree(temp);
            }
        }
    }

    private void writeInto(Path folder) {
        SyntheticDataset dataset = SyntheticDataset.at(folder);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try (ProgressBar bar = progress ? progressBar() : null) {
            IntConsumer tick = bar == null ? i -> { } : i -> bar.step();
            writeCode15(dataset.code15(), pool, tick);
            writeTestPool(dataset.codeTest(), Seeds.CODE_TEST, config.codeTestExams(), pool, tick);
            writeTestPool(dataset.audit(), Seeds.AUDIT, config.auditExams(), pool, tick);
        } finally {
            pool.shutdown();
        }
    }

    private ProgressBar progressBar() {
        // off a terminal (a log, CI, a notebook) plain lines, like every other bar: no carriage-return frames
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("synthetic ECGs")
                .setInitialMax(config.totalExams())
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" exams", 1)
                .showSpeed();
        return ProgressOutput.toStderr(builder, "synthetic ECGs", "exams").build();
    }

    private void writeCode15(Path folder, ForkJoinPool pool, IntConsumer tick) {
        Code15Layout layout = new Code15Layout(config, model);
        int perPart = config.examsPerPart();
        Code15Row[] rows = new Code15Row[config.code15Exams()];
        for (int part = 0; part < config.parts(); part++) {
            String traceFile = "exams_part" + part + ".hdf5";
            // like the real parts, each ends with one padding row: exam_id 0, all zeros, no CSV row
            float[][][] tracings = new float[perPart + 1][ROWS][LEADS];
            long[] examIds = new long[perPart + 1];
            int partIndex = part;
            parallel(pool, perPart, row -> {
                int exam = layout.examAt(partIndex, row, perPart);
                int patient = layout.patientOf(exam);
                SplittableRandom rng = Seeds.random(config.seed(), Seeds.CODE15_EXAMS, exam);
                ExamSpec spec = model.exam(rng, layout.traits(patient), config, true);
                model.synthesize(spec, rng, config.noiseLevel(), tracings[row]);
                examIds[row] = layout.examId(exam);
                rows[exam] = csvRow(layout, exam, spec, traceFile);
                tick.accept(row);
            });
            CodeFormatWriter.writeTracings(folder.resolve(traceFile), tracings, examIds);
        }
        // exam ids increase with the exam index, so this CSV is sorted by exam_id while the parts are shuffled
        CodeFormatWriter.writeExamsCsv(folder.resolve("exams.csv"), Arrays.asList(rows));
    }

    private Code15Row csvRow(Code15Layout layout, int exam, ExamSpec spec, String traceFile) {
        SplittableRandom rng = Seeds.random(config.seed(), Seeds.METADATA, exam);
        int patient = layout.patientOf(exam);
        PatientTraits traits = layout.traits(patient);
        int age = Math.min(100, traits.age() + (int) Math.round(layout.visitOf(exam) * PatientTraits.uniform(rng, 0.3, 1.5)));
        // the real nn_predicted_age is a network's ECG-age: close to age, older for abnormal hearts
        double ecgAge = Math.max(10, age + 7 * rng.nextGaussian() + (spec.normal() ? 0 : 4));
        Boolean death = null;
        Double timey = null;
        if (rng.nextDouble() > 0.08) {
            double risk = 0.01 + 0.0015 * Math.max(0, age - 40) + (spec.normal() ? 0 : 0.04);
            death = rng.nextDouble() < risk;
            timey = death ? PatientTraits.uniform(rng, 0.05, 5) : PatientTraits.uniform(rng, 0.5, 7.5);
        }
        return new Code15Row(layout.examId(exam), age, traits.male(), ecgAge, spec.labels(),
                layout.patientId(patient), death, timey, traceFile);
    }

    private void writeTestPool(Path folder, long stream, int exams, ForkJoinPool pool, IntConsumer tick) {
        float[][][] tracings = new float[exams][ROWS][LEADS];
        @SuppressWarnings("unchecked")
        Set<Condition>[] labels = new Set[exams];
        int[] ages = new int[exams];
        boolean[] males = new boolean[exams];
        parallel(pool, exams, i -> {
            // one exam per patient, as in CODE-TEST; no blank exams in a reviewed test set
            SplittableRandom rng = Seeds.random(config.seed(), stream, i);
            PatientTraits patient = model.patient(rng, config.prevalences());
            ExamSpec spec = model.exam(rng, patient, config, false);
            model.synthesize(spec, rng, config.noiseLevel(), tracings[i]);
            labels[i] = spec.labels();
            ages[i] = patient.age();
            males[i] = patient.male();
            tick.accept(i);
        });
        CodeFormatWriter.writeTracings(folder.resolve("ecg_tracings.hdf5"), tracings, null);
        CodeFormatWriter.writeGoldStandard(folder.resolve("annotations").resolve("gold_standard.csv"), List.of(labels));
        CodeFormatWriter.writeAttributes(folder.resolve("attributes.csv"), ages, males);
    }

    private static void parallel(ForkJoinPool pool, int n, IntConsumer body) {
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).join();
    }

    private static Map<String, Long> listFiles(Path folder) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(folder.relativize(p).toString().replace('\\', '/'), Files.size(p));
            }
        }
        files.remove(GenerationManifest.FILE_NAME);
        return files;
    }

    /** Temporary folders are private (rwx------); the dataset is not. */
    private static void makeReadableByAll(Path folder) throws IOException {
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }
}
