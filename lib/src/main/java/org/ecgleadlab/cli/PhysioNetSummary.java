package org.ecgleadlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.DataReport;
import org.ecgleadlab.data.labels.LabelTally;

/** The lines {@code ecg-info} adds for a WFDB folder or a PTB-XL root. */
final class PhysioNetSummary {
    private static final int LISTED_IDS = 20;

    private PhysioNetSummary() {
    }

    static void print(DataReport report, PrintWriter out) {
        DataReport.PhysioNet details = report.physionet();
        out.printf("  header files      %d%n", details.headers());
        if (report.skippedRows() > 0 || !report.absentParts().isEmpty()) {
            out.printf("  records absent    %d (database rows whose header file is missing, skipped: %s%s)%n",
                    report.skippedRows(), String.join(", ", report.absentParts()),
                    report.skippedRows() > report.absentParts().size() ? ", ..." : "");
        }
        int skipped = details.skippedByReason().values().stream().mapToInt(Integer::intValue).sum();
        out.printf("  records read      %d, skipped %d%n", report.exams(), skipped);
        details.skippedByReason().forEach((reason, n) -> out.printf("    skipped %d %s%n", n, reason));
        out.printf("  without 12 leads  %d%s%n", details.skippedNoLeads(), details.skippedExamples().isEmpty() ? ""
                : " (skipped: " + String.join("; ", details.skippedExamples())
                        + (details.skippedNoLeads() > details.skippedExamples().size() ? "; ..." : "") + ")");
        out.printf("  derived leads     %d%s%n", details.derivedLimbLeads(), details.derivedLimbLeads() == 0 ? ""
                : " (records of I, II, V1-V6 only: III, aVR, aVL, aVF computed from I and II)");
        if (details.labelled()) {
            out.printf("  without labels    %d (no #Dx comment: none of the six)%n", details.withoutLabels());
        }
        if (!details.officialSplit().isEmpty()) {
            out.printf("  split             %s%n", details.officialSplit());
        }
        if (details.otherCodeCount() > 0) {
            List<String> codes = new ArrayList<>();
            for (Map.Entry<String, Integer> e : details.otherCodes().entrySet()) {
                codes.add(e.getKey() + " " + e.getValue());
            }
            out.printf("  other codes       %d distinct, none of the six (top: %s%s)%n", details.otherCodeCount(),
                    String.join(", ", codes), details.otherCodeCount() > LabelTally.LISTED_CODES ? ", ..." : "");
        }
        if (!details.fallbackIds().isEmpty()) {
            out.printf("  ids from names    %d record name(s) made into ids by CRC-32 (docs/data-formats.md):%n",
                    details.fallbackIds().size());
            details.fallbackIds().entrySet().stream().limit(LISTED_IDS)
                    .forEach(e -> out.printf("    %s = exam %d%n", e.getValue(), e.getKey()));
            if (details.fallbackIds().size() > LISTED_IDS) {
                out.printf("    ... and %d more%n", details.fallbackIds().size() - LISTED_IDS);
            }
        }
    }
}
