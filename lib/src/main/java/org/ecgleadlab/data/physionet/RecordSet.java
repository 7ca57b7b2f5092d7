package org.ecgleadlab.data.physionet;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.ExamInfo;

/**
 * What opening a WFDB folder or a PTB-XL root found: the usable exams (one per record with the 12 standard leads,
 * {@link ExamInfo#file()} its {@code .hea}, row 0) and what was left out or not understood.
 *
 * @param root            the folder opened
 * @param ptbxl           whether it is a PTB-XL root (else a WFDB folder)
 * @param exams           usable exams, in path order (PTB-XL: {@code ecg_id} order)
 * @param headers         header files read
 * @param skippedNoLeads  records skipped because they lack one of the 12 standard leads
 * @param skippedExamples the first few of those, as {@code name (missing V1, ...)}
 * @param missingRecords  PTB-XL rows whose header file is absent (a partial download), skipped
 * @param missingExamples the first few of those files
 * @param labelled        whether the records carry labels at all (a folder without any {@code #Dx} does not)
 * @param withoutLabels   labelled data only: records without a {@code #Dx} comment, read as none of the six
 * @param otherCodes      the most frequent codes naming none of the six, with record counts
 * @param otherCodeCount  distinct codes naming none of the six
 * @param fallbackIds     exam id → record name for ids made by the CRC fallback of {@link ExamIds}
 * @param officialSplit   exam id → split name (PTB-XL {@code strat_fold}); empty when the data has none
 * @param skippedByReason records skipped, per reason (the reasons below), in the order met
 * @param problemCount    problems met that did not stop reading (a header that is not a plain file, a lead named
 *                        twice, a record line naming another record)
 * @param problems        the first {@link #LISTED_PROBLEMS} of them, one line each naming the file
 * @param derivedLimbLeads exam ids of the records read with III, aVR, aVL or aVF derived from I and II
 */
public record RecordSet(Path root, boolean ptbxl, List<ExamInfo> exams, int headers, int skippedNoLeads,
                        List<String> skippedExamples, int missingRecords, List<String> missingExamples,
                        boolean labelled, int withoutLabels, Map<String, Integer> otherCodes, int otherCodeCount,
                        Map<Long, String> fallbackIds, Map<Long, String> officialSplit,
                        Map<String, Integer> skippedByReason, int problemCount, List<String> problems,
                        java.util.Set<Long> derivedLimbLeads) {
    /** Skipped records listed by name; further ones are only counted. */
    public static final int LISTED = 10;
    /** Problems listed one by one; further ones are only counted. */
    public static final int LISTED_PROBLEMS = 20;
    /** Skip reason: a standard lead is missing and cannot be derived. */
    public static final String NO_LEADS = "without the 12 standard leads (nor I, II and V1-V6)";
    /** Skip reason: two signals name one lead. */
    public static final String DUPLICATE_LEAD = "with a lead named twice";
    /** Skip reason: the {@code .hea} entry is a dangling link, a FIFO, a directory. */
    public static final String NOT_A_FILE = "whose .hea is not a plain file (dangling link, FIFO, directory)";
    /** Skip reason (PTB-XL): the database names a header file that is absent. */
    public static final String ABSENT = "whose header file is absent";

    public RecordSet {
        exams = List.copyOf(exams);
        skippedExamples = List.copyOf(skippedExamples);
        missingExamples = List.copyOf(missingExamples);
        otherCodes = Collections.unmodifiableMap(new LinkedHashMap<>(otherCodes)); // most frequent first: keep order
        fallbackIds = Map.copyOf(fallbackIds);
        officialSplit = Map.copyOf(officialSplit);
        skippedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(skippedByReason));
        problems = List.copyOf(problems);
        derivedLimbLeads = java.util.Set.copyOf(derivedLimbLeads);
    }
}
