package org.ecgleadlab.data.physionet;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ecgleadlab.data.CsvFields;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.Splits;
import org.ecgleadlab.data.labels.LabelTally;
import org.ecgleadlab.data.labels.ScpCodes;
import org.ecgleadlab.data.wfdb.RecordFiles;
import org.ecgleadlab.data.wfdb.StandardLeads;
import org.ecgleadlab.data.wfdb.WfdbHeader;
import org.ecgleadlab.util.EcgLabException;

/**
 * A PTB-XL root: {@value #DATABASE_CSV} plus {@code records500/} (and/or {@code records100/}). One exam per row:
 * exam id = {@code ecg_id}, patient = {@code patient_id} (written as a float, {@code 15709.0}), labels from
 * {@code scp_codes} ({@link ScpCodes}: every code present counts), the record from {@code filename_hr} (500 Hz,
 * default) or {@code filename_lr} (100 Hz). {@code strat_fold} is the official split: folds 1–8 train, 9 validation,
 * 10 test. Rows whose header file is absent (a partial download) are skipped and counted.
 */
public final class PtbXlRoot {
    /** The file that marks a PTB-XL root. */
    public static final String DATABASE_CSV = "ptbxl_database.csv";
    /** The split name of fold 10. */
    public static final String TEST = "test";

    /** Which copy of the signals to read. */
    public enum Resolution {
        HIGH, LOW;

        /** The records folder, {@code records500} or {@code records100}. */
        public String folder() {
            return this == HIGH ? "records500" : "records100";
        }

        /** The database column naming each record's file. */
        public String column() {
            return this == HIGH ? "filename_hr" : "filename_lr";
        }
    }

    private PtbXlRoot() {
    }

    /** Whether {@code dir} looks like a PTB-XL root: it has the database file or a records500/records100 folder. */
    public static boolean looksLikeRoot(Path dir) {
        return Files.exists(dir.resolve(DATABASE_CSV)) || Files.isDirectory(dir.resolve("records500"))
                || Files.isDirectory(dir.resolve("records100"));
    }

    /** Opens a PTB-XL root with the signals of {@code resolution}. */
    public static RecordSet open(Path dir, Resolution resolution) {
        Path root = dir.toAbsolutePath().normalize();
        Path csv = root.resolve(DATABASE_CSV);
        if (!Files.isRegularFile(csv)) {
            throw new EcgLabException(root + ": a PTB-XL root (it has " + resolution.folder() + "/) without "
                    + DATABASE_CSV + "; download it from PhysioNet into this folder, or point to " + resolution.folder()
                    + "/ to read the records unlabelled as a plain WFDB folder");
        }
        LabelTally tally = new LabelTally();
        List<ExamInfo> exams = new ArrayList<>();
        Map<Long, String> split = new LinkedHashMap<>();
        Map<Long, Long> lines = new HashMap<>();
        List<String> missingExamples = new ArrayList<>();
        SkipTally skips = new SkipTally();
        Path realRoot = RecordFiles.real(root);
        int missing = 0;
        int headers = 0;
        java.util.Set<Long> derived = new java.util.HashSet<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (BufferedReader reader = CsvFields.withoutByteOrderMark(
                Files.newBufferedReader(csv, StandardCharsets.UTF_8));
             CSVParser parser = CSVParser.parse(reader, format)) {
            int ecgIdColumn = column(csv, parser, "ecg_id");
            int patientColumn = column(csv, parser, "patient_id");
            int scpColumn = column(csv, parser, "scp_codes");
            int foldColumn = column(csv, parser, "strat_fold");
            int fileColumn = column(csv, parser, resolution.column());
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + 1;
                if (!row.isConsistent()) {
                    throw new EcgLabException(csv + ": line " + line + " has " + row.size() + " fields but the header "
                            + "has " + parser.getHeaderNames().size() + "; re-download " + DATABASE_CSV);
                }
                long ecgId = CsvFields.wholeNumber(csv, line, "ecg_id", row.get(ecgIdColumn), "a whole number");
                Long previous = lines.putIfAbsent(ecgId, line);
                if (previous != null) {
                    throw new EcgLabException(csv + ": ecg_id " + ecgId + " on lines " + previous + " and " + line
                            + ", field ecg_id; remove the duplicate row");
                }
                String where = csv + ": line " + line + ", ecg_id " + ecgId;
                Map<String, Double> codes;
                try {
                    codes = ScpCodes.parse(row.get(scpColumn));
                } catch (ScpCodes.NotADictionary e) {
                    throw new EcgLabException(where + ", field scp_codes: " + e.getMessage()
                            + "; it must be PTB-XL's dictionary text, re-download " + DATABASE_CSV);
                }
                String fold = splitOf(where, row.get(foldColumn));
                String patientText = row.get(patientColumn);
                long patient = patientText.isEmpty() ? ExamInfo.UNKNOWN_PATIENT
                        : CsvFields.wholeNumber(csv, line, "patient_id", patientText, "a whole number");
                String file = row.get(fileColumn);
                if (file.isEmpty()) {
                    throw new EcgLabException(where + ", field " + resolution.column() + " is empty; re-download "
                            + DATABASE_CSV);
                }
                Path named = root.resolve(file + ".hea");
                RecordFiles.requireInside(realRoot, named, where + ", field " + resolution.column() + " '" + file
                        + "'");
                Path hea = named.normalize();
                Optional<String> notPlain = RecordFiles.notPlain(hea);
                if (notPlain.filter("absent"::equals).isPresent()) {
                    missing++;
                    if (missingExamples.size() < RecordSet.LISTED) {
                        missingExamples.add(root.relativize(hea).toString());
                    }
                    continue;
                }
                if (notPlain.isPresent()) {
                    skips.skip(RecordSet.NOT_A_FILE, hea + ": " + notPlain.get() + ", not a header file; skipped",
                            true);
                    continue;
                }
                headers++;
                WfdbHeader header = WfdbHeader.read(hea);
                header.requireInside(realRoot);
                Optional<StandardLeads.Plan> plan = skips.leadPlan(header, hea, ecgId);
                if (plan.isEmpty()) {
                    continue;
                }
                if (!plan.get().derived().isEmpty()) {
                    derived.add(ecgId);
                }
                if (!header.namesOwnRecord()) {
                    skips.problem(hea + ": the record line names record " + header.recordName() + ", not "
                            + WfdbFolder.recordName(hea) + "; read as the database's row " + ecgId
                            + ", correct line 1 of the header");
                }
                exams.add(new ExamInfo(ecgId, patient, tally.ofScp(codes.keySet()), hea, 0, "ptbxl",
                        WfdbFolder.recordPath(root, hea)));
                split.put(ecgId, fold);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new EcgLabException(csv + ": not a readable CSV file (" + e.getMessage() + "); re-download it", e);
        }
        if (exams.isEmpty()) {
            throw new EcgLabException(root + ": none of the " + (missing + headers) + " records of " + DATABASE_CSV
                    + " is usable under " + resolution.folder() + "/ (" + missing + " header files absent; "
                    + skips.describe() + "); download " + resolution.folder() + "/");
        }
        Map<String, Integer> reasons = new LinkedHashMap<>();
        if (missing > 0) {
            reasons.put(RecordSet.ABSENT, missing);
        }
        reasons.putAll(skips.counts());
        return new RecordSet(root, true, exams, headers, skips.count(RecordSet.NO_LEADS),
                skips.examples(RecordSet.NO_LEADS), missing, missingExamples, true, 0, tally.topOtherCodes(),
                tally.otherCodeCount(), new TreeMap<>(), split, reasons, skips.problemCount(), skips.problems(),
                derived);
    }

    /** The split of a {@code strat_fold} value: 1–8 train, 9 validation, 10 test. */
    private static String splitOf(String where, String value) {
        int fold;
        try {
            fold = (int) CsvFields.wholeNumber(null, 0, "strat_fold", value, "a whole number");
        } catch (EcgLabException e) {
            fold = -1;
        }
        if (fold < 1 || fold > 10) {
            throw new EcgLabException(where + ", field strat_fold has value '" + value + "'; expected a fold 1–10, "
                    + "re-download " + DATABASE_CSV);
        }
        return fold <= 8 ? Splits.TRAIN : fold == 9 ? Splits.VALIDATION : TEST;
    }

    private static int column(Path csv, CSVParser parser, String name) {
        Integer index = parser.getHeaderMap().get(name);
        if (index == null) {
            throw new EcgLabException(csv + ": column '" + name + "' is missing (header: " + parser.getHeaderNames()
                    + "); this is not PTB-XL's " + DATABASE_CSV + ", re-download it");
        }
        return index;
    }
}
