package org.ecgleadlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What opening a dataset found, beyond the exams themselves.
 *
 * @param folders        the folders read
 * @param format         CODE-15%, CODE-TEST, a WFDB folder or a PTB-XL root
 * @param exams          usable exams (CODE: with both a tracing and labels; WFDB: with the 12 standard leads)
 * @param patients       distinct patients (an exam with an unknown patient counts as its own patient)
 * @param files          HDF5 files read (CODE); for WFDB and PTB-XL, empty (see {@code headers})
 * @param skippedRows    CODE-15%: exams.csv rows skipped because their part file is absent (not an error: partial
 *                       downloads); PTB-XL: database rows whose header file is absent
 * @param absentParts    part files named by exams.csv's trace_file column but not present; PTB-XL: the first absent
 *                       header files
 * @param paddingRows    rows with exam_id 0 and no labels, which CODE-15% parts carry as padding; ignored
 * @param problemCount   problems found that did not stop reading
 * @param problems       the first {@link #MAX_LISTED_PROBLEMS} of those problems, one line each
 * @param physionet      WFDB / PTB-XL details, or null for the CODE formats
 */
public record DataReport(List<Path> folders, CodeDataset.Format format, int exams, int patients, List<Path> files,
        int skippedRows, List<String> absentParts, int paddingRows, int problemCount, List<String> problems,
        PhysioNet physionet) {
    /** Problems listed one by one; further ones are only counted. */
    public static final int MAX_LISTED_PROBLEMS = 20;

    /**
     * What a WFDB folder or PTB-XL root adds to the report.
     *
     * @param headers         header files read
     * @param skippedNoLeads  records skipped because they lack one of the 12 standard leads
     * @param skippedExamples the first of those, {@code name (missing ...)}
     * @param labelled        whether the records carry labels at all
     * @param withoutLabels   records of labelled data without a label comment (read as none of the six)
     * @param otherCodes      the most frequent label codes that name none of the six, with record counts
     * @param otherCodeCount  distinct such codes
     * @param fallbackIds     exam id → record name, for ids made from the name's CRC (docs/data-formats.md)
     * @param officialSplit   the data's own split, e.g. PTB-XL's strat_fold, or empty
     * @param skippedByReason records skipped per reason ({@code RecordSet}'s reasons)
     * @param derivedLimbLeads records read with III, aVR, aVL or aVF derived from I and II
     */
    public record PhysioNet(int headers, int skippedNoLeads, List<String> skippedExamples, boolean labelled,
                            int withoutLabels, Map<String, Integer> otherCodes, int otherCodeCount,
                            Map<Long, String> fallbackIds, String officialSplit, Map<String, Integer> skippedByReason,
                            int derivedLimbLeads) {
        public PhysioNet {
            skippedByReason = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skippedByReason));
            skippedExamples = List.copyOf(skippedExamples);
            otherCodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(otherCodes));
            fallbackIds = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fallbackIds));
        }
    }

    public DataReport {
        folders = List.copyOf(folders);
        files = List.copyOf(files);
        absentParts = List.copyOf(absentParts);
        problems = List.copyOf(problems);
    }

    /** A CODE-format report (no PhysioNet details). */
    public DataReport(List<Path> folders, CodeDataset.Format format, int exams, int patients, List<Path> files,
            int skippedRows, List<String> absentParts, int paddingRows, int problemCount, List<String> problems) {
        this(folders, format, exams, patients, files, skippedRows, absentParts, paddingRows, problemCount, problems,
                null);
    }

    /** Whether the exams carry labels (CODE data always does; a WFDB folder without any {@code #Dx} does not). */
    public boolean labelled() {
        return physionet == null || physionet.labelled();
    }
}
