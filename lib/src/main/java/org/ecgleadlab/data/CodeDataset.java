package org.ecgleadlab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.stream.Stream;
import org.ecgleadlab.data.physionet.PtbXlRoot;
import org.ecgleadlab.data.physionet.RecordSet;
import org.ecgleadlab.data.physionet.WfdbFolder;
import org.ecgleadlab.util.EcgLabException;

/**
 * The exams of a CODE-15% folder ({@code exams.csv} + {@code exams_part*.hdf5}), of a CODE-TEST-format test pool
 * ({@code ecg_tracings.hdf5} + {@code annotations/gold_standard.csv} per folder; the paper's pool is CODE-TEST plus
 * AUDIT), of a folder of WFDB records searched recursively ({@link WfdbFolder}) or of a PTB-XL root
 * ({@link PtbXlRoot}; its {@code records100/} folder reads the 100 Hz copies). Opening reads only ids, labels and
 * headers; tracings are streamed later by {@link TracingReader}. See docs/data-formats.md.
 *
 * <p>CODE-15% labels are joined to tracings by exam_id, never by position. CODE-TEST folders carry no exam ids unless
 * they have an {@code exam_id} dataset; their exams then get stable ids {@code folderIndex * 10,000,000 + row}, so in a
 * single CODE-TEST folder the id is the tracing row.
 */
public final class CodeDataset {
    /** The folder layouts. */
    public enum Format {
        CODE15("CODE-15%"), CODE_TEST("CODE-TEST format"), WFDB("WFDB records"), PTBXL("PTB-XL");

        private final String title;

        Format(String title) {
            this.title = title;
        }

        /** How reports name the format. */
        public String title() {
            return title;
        }
    }

    /** Stride between the synthetic exam ids of successive test-pool folders. */
    public static final long TEST_FOLDER_ID_STRIDE = 10_000_000L;

    private final List<ExamInfo> exams;
    private final DataReport report;
    private final Map<Long, ExamInfo> byId;
    private final Map<Long, String> officialSplit;
    private final Set<Long> derivedLimbLeads;

    CodeDataset(List<ExamInfo> exams, DataReport report) {
        this(exams, report, Map.of(), Set.of());
    }

    private CodeDataset(List<ExamInfo> exams, DataReport report, Map<Long, String> officialSplit,
                        Set<Long> derivedLimbLeads) {
        this.exams = List.copyOf(exams);
        this.derivedLimbLeads = Set.copyOf(derivedLimbLeads);
        this.report = report;
        this.officialSplit = Map.copyOf(officialSplit);
        this.byId = new HashMap<>();
        for (ExamInfo exam : exams) {
            byId.put(exam.examId(), exam);
        }
    }

    /** Opens a CODE-15%, CODE-TEST, WFDB or PTB-XL folder, detected from the files it holds. */
    public static CodeDataset open(Path dir) {
        return switch (detect(dir)) {
            case CODE15 -> Code15Folder.open(dir);
            case CODE_TEST -> openTestPool(List.of(dir));
            case WFDB -> of(dir, WfdbFolder.open(dir));
            case PTBXL -> openPtbXl(dir);
        };
    }

    /** A PTB-XL root (500 Hz records), or its records100/ or records500/ folder to choose the rate. */
    private static CodeDataset openPtbXl(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        for (PtbXlRoot.Resolution resolution : PtbXlRoot.Resolution.values()) {
            if (isPtbXlRecordsFolder(absolute, resolution)) {
                return of(dir, PtbXlRoot.open(absolute.getParent(), resolution));
            }
        }
        return of(dir, PtbXlRoot.open(absolute, PtbXlRoot.Resolution.HIGH));
    }

    private static boolean isPtbXlRecordsFolder(Path absolute, PtbXlRoot.Resolution resolution) {
        Path name = absolute.getFileName();
        return name != null && name.toString().equals(resolution.folder()) && absolute.getParent() != null
                && Files.isRegularFile(absolute.getParent().resolve(PtbXlRoot.DATABASE_CSV));
    }

    private static CodeDataset of(Path dir, RecordSet records) {
        Format format = records.ptbxl() ? Format.PTBXL : Format.WFDB;
        String split = records.officialSplit().isEmpty() ? ""
                : "PTB-XL strat_fold: folds 1-8 train, 9 validation, 10 test";
        DataReport.PhysioNet details = new DataReport.PhysioNet(records.headers(), records.skippedNoLeads(),
                records.skippedExamples(), records.labelled(), records.withoutLabels(), records.otherCodes(),
                records.otherCodeCount(), records.fallbackIds(), split, records.skippedByReason(),
                records.derivedLimbLeads().size());
        DataReport report = new DataReport(List.of(dir), format, records.exams().size(),
                countPatients(records.exams()), List.of(), records.missingRecords(), records.missingExamples(), 0,
                records.problemCount(), records.problems(), details);
        return new CodeDataset(records.exams(), report, records.officialSplit(), records.derivedLimbLeads());
    }

    /** Opens and merges CODE-TEST-format folders (e.g. CODE-TEST and AUDIT) into one test pool. */
    public static CodeDataset openTestPool(List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new EcgLabException("no test-pool folder given; name at least one CODE-TEST-format folder");
        }
        List<ExamInfo> exams = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Map<Long, ExamInfo> seen = new HashMap<>();
        Set<Long> derived = new HashSet<>();
        for (int k = 0; k < dirs.size(); k++) {
            Path dir = dirs.get(k);
            Format format = detect(dir);
            if (format == Format.CODE15) {
                throw new EcgLabException(dir + ": expected a CODE-TEST-format folder (" + CodeFormat.TEST_TRACINGS_FILE
                        + " + " + CodeFormat.GOLD_STANDARD + ") in the test pool, found CODE-15% files");
            }
            List<ExamInfo> folderExams;
            if (format == Format.CODE_TEST) {
                Path file = dir.resolve(CodeFormat.TEST_TRACINGS_FILE).toAbsolutePath().normalize();
                files.add(file);
                folderExams = readTestFolder(dir, file, k);
            } else {
                CodeDataset physionet = open(dir);
                physionet.requireLabels("a test pool");
                folderExams = physionet.testPool();
                derived.addAll(physionet.derivedLimbLeads);
                if (dirs.size() == 1) {
                    return physionet;
                }
            }
            for (ExamInfo exam : folderExams) {
                ExamInfo previous = seen.putIfAbsent(exam.examId(), exam);
                if (previous != null) {
                    throw new EcgLabException(exam.file() + ": exam " + exam.examId() + " (row " + exam.row() + "), field "
                            + "exam_id duplicates row " + previous.row() + " of " + previous.file()
                            + "; exam ids must be unique across the pool");
                }
                exams.add(exam);
            }
        }
        DataReport report = new DataReport(dirs, Format.CODE_TEST, exams.size(), countPatients(exams), files, 0,
                List.of(), 0, 0, List.of());
        return new CodeDataset(exams, report, Map.of(), derived);
    }

    /** How many of the dataset's exams had III, aVR, aVL or aVF derived from I and II (WFDB / PTB-XL records). */
    public int derivedLimbLeadRecords() {
        return derivedLimbLeads.size();
    }

    /** How many of {@code chosen} had III, aVR, aVL or aVF derived from I and II. */
    public int derivedLimbLeadRecords(List<ExamInfo> chosen) {
        return (int) chosen.stream().filter(e -> derivedLimbLeads.contains(e.examId())).count();
    }

    /** Every exam with a tracing and labels, in file and row order. */
    public List<ExamInfo> exams() {
        return exams;
    }

    /** What was found while opening. */
    public DataReport report() {
        return report;
    }

    /** Whether the exams carry labels; a WFDB folder without any {@code #Dx} comment does not. */
    public boolean labelled() {
        return report.labelled();
    }

    /** Throws a one-line error when the data carries no labels but {@code purpose} needs them. */
    public CodeDataset requireLabels(String purpose) {
        if (!labelled()) {
            throw new EcgLabException(report.folders().get(0) + ": its " + exams.size() + " records carry no labels "
                    + "(no #Dx comment in any header, as in CODE-15% converted for the Challenge 2025), but "
                    + purpose + " needs labels; give labelled data (CODE-15%, CODE-TEST, Challenge 2020/2021 WFDB, "
                    + "PTB-XL) or use ecg-info / predict on this folder");
        }
        return this;
    }

    /**
     * The data's own split, exam id → {@link Splits#TRAIN}, {@link Splits#VALIDATION} or {@code test} (PTB-XL's
     * {@code strat_fold}: 1–8, 9, 10); empty when the data has none.
     */
    public Map<Long, String> officialSplit() {
        return officialSplit;
    }

    /** The exams to evaluate and rank on: the official test split when the data has one (PTB-XL fold 10), else all. */
    public List<ExamInfo> testPool() {
        if (officialSplit.isEmpty()) {
            return exams;
        }
        return exams.stream().filter(e -> PtbXlRoot.TEST.equals(officialSplit.get(e.examId()))).toList();
    }

    /** The exam with id {@code examId}, or an error naming the folders searched. */
    public ExamInfo exam(long examId) {
        ExamInfo exam = byId.get(examId);
        if (exam == null) {
            throw new EcgLabException("exam " + examId + " is not in " + report.folders()
                    + "; field exam_id; list ids with ecg-info or check the folder");
        }
        return exam;
    }

    /** Detects the layout of {@code dir}, or explains what is missing. */
    public static Format detect(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new EcgLabException(dir + ": folder not found; point to a CODE-15%, CODE-TEST, WFDB or PTB-XL folder");
        }
        if (Files.exists(dir.resolve(CodeFormat.EXAMS_CSV)) || !Code15Folder.partFiles(dir).isEmpty()) {
            return Format.CODE15;
        }
        if (Files.exists(dir.resolve(CodeFormat.TEST_TRACINGS_FILE))) {
            return Format.CODE_TEST;
        }
        Path absolute = dir.toAbsolutePath().normalize();
        if (PtbXlRoot.looksLikeRoot(dir) || isPtbXlRecordsFolder(absolute, PtbXlRoot.Resolution.HIGH)
                || isPtbXlRecordsFolder(absolute, PtbXlRoot.Resolution.LOW)) {
            return Format.PTBXL;
        }
        if (WfdbFolder.hasHeaders(dir)) {
            return Format.WFDB;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                throw new EcgLabException(dir + ": empty directory; download CODE-15% or CODE-TEST into it, or run "
                        + "jbang generate-data");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
        throw new EcgLabException(dir + ": no CODE files and no WFDB records; expected " + CodeFormat.EXAMS_CSV
                + " + exams_part*.hdf5 (CODE-15%), " + CodeFormat.TEST_TRACINGS_FILE + " + "
                + CodeFormat.GOLD_STANDARD + " (CODE-TEST), " + PtbXlRoot.DATABASE_CSV + " (PTB-XL) or .hea files "
                + "(WFDB, searched in subfolders too)");
    }

    private static List<ExamInfo> readTestFolder(Path dir, Path file, int folderIndex) {
        Path goldStandard = dir.resolve(CodeFormat.GOLD_STANDARD);
        List<float[]> labels = LabelCsv.readGoldStandard(goldStandard);
        long[] ids;
        int rows;
        try (TracingFile tracings = TracingFile.open(file)) {
            rows = tracings.rows();
            ids = tracings.has(CodeFormat.EXAM_ID) ? tracings.examIds() : null;
        }
        if (labels.size() != rows) {
            throw new EcgLabException(goldStandard + ": " + labels.size() + " label rows but " + file + " has " + rows
                    + " tracings; rows must match one to one, in tracing order");
        }
        String source = dir.toAbsolutePath().normalize().getFileName().toString();
        List<ExamInfo> exams = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            long id = ids != null ? ids[row] : folderIndex * TEST_FOLDER_ID_STRIDE + row;
            exams.add(new ExamInfo(id, ExamInfo.UNKNOWN_PATIENT, labels.get(row), file, row, source));
        }
        return exams;
    }

    static int countPatients(List<ExamInfo> exams) {
        return (int) exams.stream().map(ExamInfo::patientKey).distinct().count();
    }
}
