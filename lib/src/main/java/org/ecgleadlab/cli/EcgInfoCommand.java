package org.ecgleadlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.data.CodeDataset;
import org.ecgleadlab.data.CodeFormat;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.DataReport;
import org.ecgleadlab.data.ExamInfo;
import org.ecgleadlab.data.ExamScan;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.TracingReader;
import org.ecgleadlab.data.physionet.ExamIds;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.util.StartupMark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecg-info}: what a CODE-15%, CODE-TEST, WFDB or PTB-XL folder holds, or one exam's values as CSV (the raw form
 * every command reads: 4096 × 12 mV at 400 Hz).
 */
@Command(name = "ecg-info", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Summarise a CODE-15%% folder, a CODE-TEST-format test pool, a folder of WFDB records (searched "
                + "recursively) or a PTB-XL root: exams, patients, prevalence per class, 7-s (zero-padded) and "
                + "all-zero exams, skipped rows or records, label codes outside the six, and problems.",
            "Several folders are read as one test pool (e.g. CODE-TEST and AUDIT).",
            "Exit status: 0 when no problem was found, 1 when problems are listed (the data was read; fix or drop "
                + "what they name), 2 when the data cannot be read at all or the options are wrong."})
public final class EcgInfoCommand implements PlannedCommand<EcgInfoCommand.Plan> {
    /** Exit status when the summary lists problems, as checkers do (2 stays for unreadable input and bad options). */
    public static final int PROBLEMS_FOUND = 1;
    private static final int LISTED_IDS = 10;

    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "CODE-15%%, WFDB or PTB-XL folder, or CODE-TEST-format folder(s)")
    List<Path> dirs;

    @Option(names = "--dump", paramLabel = "EXAM",
            description = "print this exam's 4096 x 12 raw values (mV, 400 Hz) as CSV with full float precision, "
                    + "then stop; an exam id or a WFDB record name (e.g. A0001)")
    String dump;

    @Option(names = "--no-scan", description = "skip reading the tracings (no padded / all-zero counts); not with "
            + "--dump, which reads one exam only")
    boolean noScan;

    @Spec
    CommandSpec spec;

    /** What ecg-info reads: the folders (one, or several as a test pool), and one exam to dump or a summary. */
    record Plan(List<Path> dirs, String dump, boolean scan) {
    }

    /** --dump prints one exam and reads no other tracing, so --no-scan would be ignored. */
    @Override
    public List<OptionRule> rules() {
        return List.of(OptionRule.conflicts("--no-scan", "--dump",
                "--dump prints one exam's values and scans no tracings"));
    }

    @Override
    public Plan plan() {
        OptionRule.check(rules(), spec.commandLine().getParseResult());
        return new Plan(List.copyOf(dirs), dump, !noScan);
    }

    @Override
    public int run(Plan plan) {
        List<Path> folders = plan.dirs();
        CodeDataset data = folders.size() == 1 ? CodeDataset.open(folders.get(0)) : CodeDataset.openTestPool(folders);
        StartupMark.firstBatch(); // its work from here on is the summary, so opening is its start-up
        PrintWriter out = spec.commandLine().getOut();
        int problems = 0;
        if (plan.dump() != null) {
            dump(data.exam(ExamIds.parse(plan.dump())), out);
        } else {
            problems = summarise(data, plan.scan(), out);
        }
        out.flush();
        return problems > 0 ? PROBLEMS_FOUND : 0;
    }

    /** One header line of lead names, then 4096 rows; Float.toString round-trips every float exactly. */
    private static void dump(ExamInfo exam, PrintWriter out) {
        float[] raw;
        try (TracingReader reader = new TracingReader()) {
            raw = reader.read(exam);
        }
        StringBuilder csv = new StringBuilder(CodeFormat.TRACING_VALUES * 12);
        csv.append(Lead.join(List.of(Lead.values()))).append('\n');
        for (int s = 0; s < CodeFormat.SAMPLES; s++) {
            for (int l = 0; l < Lead.COUNT; l++) {
                csv.append(l == 0 ? "" : ",").append(Float.toString(raw[s * Lead.COUNT + l]));
            }
            csv.append('\n');
        }
        out.print(csv);
    }

    /** Prints the summary; returns the number of problems found. */
    private static int summarise(CodeDataset data, boolean scanTracings, PrintWriter out) {
        DataReport report = data.report();
        List<ExamInfo> exams = data.exams();
        out.printf("%s (%s)%n", String.join(", ", report.folders().stream().map(Path::toString).toList()),
                report.format().title());
        if (report.physionet() == null) {
            out.printf("  HDF5 files        %d%n", report.files().size());
        }
        out.printf("  exams             %d%n", report.exams());
        boolean unknownPatients = exams.stream().noneMatch(ExamInfo::hasKnownPatient);
        out.printf("  patients          %d%s%n", report.patients(),
                report.format() == CodeDataset.Format.CODE_TEST || (report.physionet() != null && unknownPatients)
                        ? " (unknown: each exam counted as one)" : "");
        if (report.physionet() != null) {
            PhysioNetSummary.print(report, out);
        }
        if (report.format() == CodeDataset.Format.CODE15) {
            out.printf("  skipped CSV rows  %d%s%n", report.skippedRows(), report.absentParts().isEmpty() ? ""
                    : " (part files absent: " + String.join(", ", report.absentParts()) + ")");
            out.printf("  padding rows      %d (exam_id 0, ignored)%n", report.paddingRows());
        }
        if (!report.labelled()) {
            out.println("labels              none (no #Dx comment in any header): ecg-info and predict work, training, "
                    + "ranking and adaptation refuse this data");
        }
        out.println(report.labelled() ? "prevalence" : "prevalence (unlabelled: all zero)");
        for (Condition c : Condition.values()) {
            long n = exams.stream().filter(e -> e.has(c)).count();
            out.printf(Locale.ROOT, "  %-6s %-28s %7d  %5.1f%%%n", c.column(), c.description(), n,
                    exams.isEmpty() ? 0 : 100.0 * n / exams.size());
        }
        long none = exams.stream().filter(e -> !e.hasAnyLabel()).count();
        out.printf(Locale.ROOT, "  %-35s %7d  %5.1f%%%n", "none of the six", none,
                exams.isEmpty() ? 0 : 100.0 * none / exams.size());
        int problemCount = report.problemCount();
        List<String> problems = new java.util.ArrayList<>(report.problems());
        if (scanTracings) {
            ExamScan.Result scan;
            try (ProgressBar bar = Progress.bar("scan tracings", exams.size(), "exams")) {
                scan = ExamScan.scan(exams, bar::stepBy);
            }
            out.printf(Locale.ROOT, "tracings (read %d exams, %.0f MB in %.1f s: %.0f MB/s, %.0f exams/s)%n",
                    scan.scanned(), scan.bytesRead() / 1e6, scan.seconds(), scan.megabytesPerSecond(),
                    scan.examsPerSecond());
            out.printf("  7-s, zero-padded  %d%s%n", scan.sevenSecond().size(), ids(scan.sevenSecond()));
            out.printf("  all-zero          %d%s%s%n", scan.allZero().size(), ids(scan.allZero()),
                    scan.allZero().isEmpty() ? "" : " (left out of training and ranking by default)");
            problemCount += scan.problemCount();
            problems.addAll(scan.problems());
        }
        out.printf("problems            %d%n", problemCount);
        problems.forEach(p -> out.println("  " + p));
        if (problemCount > problems.size()) {
            out.printf("  ... and %d more%n", problemCount - problems.size());
        }
        return problemCount;
    }

    private static String ids(List<Long> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        List<String> shown = ids.stream().limit(LISTED_IDS).map(String::valueOf).toList();
        return " (exam " + String.join(", ", shown) + (ids.size() > LISTED_IDS ? ", ..." : "") + ")";
    }
}
