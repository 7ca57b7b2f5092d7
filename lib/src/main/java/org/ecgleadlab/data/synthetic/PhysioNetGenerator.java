package org.ecgleadlab.data.synthetic;

import static org.ecgleadlab.data.synthetic.ExamSynthesizer.LEADS;
import static org.ecgleadlab.data.synthetic.ExamSynthesizer.ROWS;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ecgleadlab.data.Resampler;
import org.ecgleadlab.data.physionet.PtbXlRoot;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;

/**
 * Writes the dipole generator's exams in a PhysioNet layout at any count: a PTB-XL root (500 Hz records in
 * {@code records500/}, their 100 Hz copies in {@code records100/}, {@code ptbxl_database.csv}) or a Challenge-style
 * folder ({@code gK/SYNnnnnnn.hea/.dat}, {@code # Dx:} SNOMED CT codes, {@code RECORDS}). The generator draws at
 * 400 Hz; records are resampled to 500 and 100 Hz with the lib's polyphase {@link Resampler}.
 *
 * <p>Streaming and resumable: exams are made {@value #CHUNK} at a time (memory does not grow with the count), each
 * record lands atomically header last, and the file that lists the records ({@code ptbxl_database.csv} or
 * {@code RECORDS}) is written last, so a folder without it is unfinished. A re-run with the same configuration skips
 * the records already on disk; {@value #IDENTITY_FILE} records the configuration so a different one is refused
 * rather than mixed in.
 */
public final class PhysioNetGenerator {
    /** Exams made between two writes of the listing rows. */
    static final int CHUNK = 256;
    /** Hidden file naming what the folder is being generated with; readers skip hidden files. */
    public static final String IDENTITY_FILE = ".generation";
    /** Challenge records per subfolder, as its {@code g1/ g2/ ...} folders. */
    static final int PER_FOLDER = 1000;

    private static final Resampler TO_500 = new Resampler(5, 4, 5.0);
    private static final Resampler TO_100 = new Resampler(1, 4, 5.0);
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final DataLayout layout;
    private final SyntheticConfig config;
    private final ExamModel model;
    private final int exams;
    private final int threads;
    private final boolean progress;

    public PhysioNetGenerator(DataLayout layout, SyntheticConfig config, int exams, int threads, boolean progress) {
        this(layout, config, SyntheticGenerator.DEFAULT_VERSION, exams, threads, progress);
    }

    /** The same with generator version {@code version} (2 or 3; another is refused in one line). */
    public PhysioNetGenerator(DataLayout layout, SyntheticConfig config, int version, int exams, int threads,
                              boolean progress) {
        this.model = ExamModel.of(version);
        if (layout == DataLayout.CODE15) {
            throw new IllegalArgumentException("CODE-15% is written by SyntheticGenerator");
        }
        if (exams < 1) {
            throw new EcgLabException("--exams " + exams + ": give at least one exam");
        }
        this.layout = layout;
        this.config = config;
        this.exams = exams;
        this.threads = Math.max(1, threads);
        this.progress = progress;
    }

    /** What a generation did: exams in the folder, records made now (the rest were on disk), seconds. */
    public record Report(int exams, int made, double seconds) {
    }

    /** The file written last, whose presence marks a finished folder. */
    public Path listing(Path target) {
        return target.resolve(layout == DataLayout.PTBXL ? PtbXlRoot.DATABASE_CSV : "RECORDS");
    }

    /** Whether {@code target} is finished with this configuration. */
    public boolean isCurrent(Path target) {
        return Files.isRegularFile(listing(target)) && identity().equals(readIdentity(target));
    }

    /** Deletes a folder and everything in it, for {@code --force}. */
    public static void delete(Path target) {
        AtomicFiles.deleteTree(target);
    }

    /** Generates into {@code target}, continuing an unfinished run of the same configuration. */
    public Report generate(Path target) {
        long start = System.nanoTime();
        claim(target);
        PhysioNetExam.Plan plan = new PhysioNetExam.Plan(config, layout == DataLayout.PTBXL, model);
        Path listing = listing(target);
        Path partial = listing.resolveSibling("." + listing.getFileName() + ".partial");
        int made = 0;
        ForkJoinPool pool = new ForkJoinPool(threads);
        try (ProgressBar bar = progress ? progressBar() : null;
             Writer out = new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSV)) {
            if (layout == DataLayout.PTBXL) {
                printer.printRecord((Object[]) PtbXlDatabaseRow.HEADER);
            }
            for (int from = 0; from < exams; from += CHUNK) {
                List<PhysioNetExam> chunk = new ArrayList<>();
                for (int i = from; i < Math.min(exams, from + CHUNK); i++) {
                    chunk.add(plan.next());
                }
                made += pool.submit(() -> IntStream.range(0, chunk.size()).parallel()
                        .map(k -> make(target, chunk.get(k)) ? 1 : 0).sum()).join();
                for (PhysioNetExam exam : chunk) {
                    if (layout == DataLayout.PTBXL) {
                        printer.printRecord(PtbXlDatabaseRow.values(exam));
                    } else {
                        printer.printRecord(challengeRecord(exam.index()));
                    }
                }
                if (bar != null) {
                    bar.stepBy(chunk.size());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + partial + ": " + e.getMessage(), e);
        } finally {
            pool.shutdown();
        }
        try {
            AtomicFiles.moveIntoPlace(partial, listing);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + partial + " to " + listing + ": " + e.getMessage(), e);
        }
        return new Report(exams, made, (System.nanoTime() - start) / 1e9);
    }

    /** Makes an exam's record(s) unless they are complete on disk; true when it made them. */
    private boolean make(Path target, PhysioNetExam exam) {
        int number = exam.index() + 1;
        if (layout == DataLayout.PTBXL) {
            Path high = target.resolve(PtbXlDatabaseRow.file(number, true));
            Path low = target.resolve(PtbXlDatabaseRow.file(number, false));
            if (Files.isRegularFile(hea(high)) && Files.isRegularFile(hea(low))) {
                return false;
            }
            float[][] tracing = signal(exam);
            write(high, 500, resample(TO_500, tracing, exam.spec()), List.of());
            write(low, 100, resample(TO_100, tracing, exam.spec()), List.of());
            return true;
        }
        Path record = target.resolve(challengeRecord(exam.index()));
        if (Files.isRegularFile(hea(record))) {
            return false;
        }
        PatientTraits patient = exam.spec().patient();
        List<String> comments = List.of("Age: " + patient.age(), "Sex: " + (patient.male() ? "Male" : "Female"),
                "Dx: " + String.join(",", exam.snomedCodes()), "Patient ID: " + (exam.patient() + 1),
                "Rx: Unknown", "Hx: Unknown", "Sx: Unknown");
        write(record, 500, resample(TO_500, signal(exam), exam.spec()), comments);
        return true;
    }

    /** The Challenge record path without extension, e.g. {@code g1/SYN000001}. */
    static String challengeRecord(int index) {
        return String.format(Locale.ROOT, "g%d/SYN%06d", index / PER_FOLDER + 1, index + 1);
    }

    private static Path hea(Path recordPath) {
        return recordPath.resolveSibling(recordPath.getFileName() + ".hea");
    }

    private static void write(Path recordPath, int frequency, float[][] leads, List<String> comments) {
        WfdbWriter.write(recordPath.getParent(), recordPath.getFileName().toString(), frequency, leads, comments);
    }

    private float[][] signal(PhysioNetExam exam) {
        float[][] tracing = new float[ROWS][LEADS];
        model.synthesize(exam.spec(), exam.signal(), config.noiseLevel(), tracing);
        return tracing;
    }

    /** The recorded part of a 4096-row tracing (zero padding left out), resampled, one array per lead. */
    static float[][] resample(Resampler resampler, float[][] tracing, ExamSpec spec) {
        int n = spec.samples();
        int pad = (ROWS - n) / 2;
        float[] flat = new float[n * LEADS];
        for (int t = 0; t < n; t++) {
            System.arraycopy(tracing[pad + t], 0, flat, t * LEADS, LEADS);
        }
        float[][] leads = new float[LEADS][resampler.outputLength(n)];
        for (int lead = 0; lead < LEADS; lead++) {
            resampler.resample(flat, lead, LEADS, n, leads[lead], 0, 1);
        }
        return leads;
    }

    private String identity() {
        // only what these layouts use: the CODE part and test-pool sizes do not change a PhysioNet folder
        return String.format(Locale.ROOT, "layout=%s exams=%d generator=%d seed=%d noise=%s seven-second=%s "
                + "exams-per-patient=%s prevalences=%s", layout.option(), exams, model.version(),
                config.seed(), config.noiseLevel(), config.sevenSecondFraction(), config.examsPerPatient(),
                config.prevalences());
    }

    private static String readIdentity(Path target) {
        Path file = target.resolve(IDENTITY_FILE);
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Marks an empty folder as ours, or checks that a started one was started with this configuration. */
    private void claim(Path target) {
        try {
            Files.createDirectories(target);
            String found = readIdentity(target);
            if (found == null) {
                try (var entries = Files.list(target)) {
                    if (entries.findAny().isPresent()) {
                        throw new EcgLabException(target + ": the folder is not empty and was not started by "
                                + "generate-data; choose an empty or new folder, or --force to replace it");
                    }
                }
                AtomicFiles.writeString(target.resolve(IDENTITY_FILE), identity() + "\n");
            } else if (!found.equals(identity())) {
                throw new EcgLabException(target.resolve(IDENTITY_FILE) + ": the folder was generated with '" + found
                        + "', not '" + identity() + "'; use the same options to continue it, another folder, or "
                        + "--force to replace it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + target + ": " + e.getMessage(), e);
        }
    }

    private ProgressBar progressBar() {
        return new ProgressBarBuilder().setTaskName("synthetic " + layout.option()).setInitialMax(exams)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" exams", 1).showSpeed().build();
    }
}
