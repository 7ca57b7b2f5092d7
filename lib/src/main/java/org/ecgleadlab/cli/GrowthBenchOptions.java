package org.ecgleadlab.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ecgleadlab.bench.GrowthJob;
import org.ecgleadlab.bench.GrowthOptions;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;
import picocli.CommandLine.Option;

/** {@code bench --growth} and its options (bench's other figures are not measured then). */
final class GrowthBenchOptions {
    @Option(names = "--growth", description = "instead of the figures: run ecg-info, predict, evaluate, one epoch of "
            + "train, rank-leads and subset-search's masked evaluation at each --growth-sizes (CODE-15%% layout) and "
            + "on a PTB-XL-layout root, each in a child JVM under --growth-heap; prints wall time, exams/s, start-up "
            + "to the first batch, peak heap and RSS, appends to runs/bench/growth.csv (or --csv) and draws "
            + "--growth-plot (docs/scaling.md)")
    boolean enabled;

    @Option(names = "--growth-sizes", split = ",", paramLabel = "N", defaultValue = "1000,10000,50000",
            description = "CODE-15%%-layout dataset sizes, exams, or none for the PTB-XL root alone (default: "
                    + "${DEFAULT-VALUE})")
    List<String> sizes;

    @Option(names = "--growth-ptbxl", paramLabel = "N", defaultValue = "21799",
            description = "records of the PTB-XL-layout root, 0 = none (default: ${DEFAULT-VALUE}, PTB-XL's size)")
    int ptbxlRecords;

    @Option(names = "--growth-data", paramLabel = "DIR", description = "where the datasets are generated and reused "
            + "(default: runs/growth-data)")
    Path data;

    @Option(names = "--growth-jobs", split = ",", paramLabel = "JOB", description = "jobs to run: ecg-info, predict, "
            + "evaluate, train, rank-leads, subset-search (default: all)")
    List<String> jobs;

    @Option(names = "--growth-train-exams", paramLabel = "N", defaultValue = "0",
            description = "exams of train's epoch (its --max-exams), 0 = all (default: ${DEFAULT-VALUE})")
    int trainExams;

    @Option(names = "--growth-rank-exams", paramLabel = "N", defaultValue = "24",
            description = "rank-leads --exams (default: ${DEFAULT-VALUE}, rank-leads' own default)")
    int rankExams;

    @Option(names = "--growth-subset-exams", paramLabel = "N", defaultValue = "0",
            description = "subset-search --max-exams, 0 = the whole evaluation half (default: ${DEFAULT-VALUE})")
    int subsetExams;

    @Option(names = "--growth-subset-size", paramLabel = "K", defaultValue = "1",
            description = "subset-search --max-size (default: ${DEFAULT-VALUE}: the 12 single leads and the device "
                    + "sets)")
    int subsetSize;

    @Option(names = "--growth-heap", paramLabel = "SIZE", defaultValue = "1g",
            description = "-Xmx of every child JVM (default: ${DEFAULT-VALUE})")
    String heap;

    @Option(names = "--growth-plot", paramLabel = "BASE", description = "the figure, written as BASE.png and "
            + "BASE.svg (default: runs/bench/growth)")
    Path plot;

    /** The options as the lib takes them. */
    GrowthOptions options() {
        List<Integer> counts = sizes.equals(List.of("none")) ? List.of() : sizes.stream().map(this::size).toList();
        if (counts.isEmpty() && ptbxlRecords == 0) {
            throw new EcgLabException("--growth-sizes none and --growth-ptbxl 0: nothing to measure; give a size");
        }
        if (trainExams < 0 || rankExams < 1 || subsetExams < 0 || subsetSize < 1 || subsetSize > 12
                || ptbxlRecords < 0) {
            throw new EcgLabException("--growth-train-exams and --growth-subset-exams must be >= 0, "
                    + "--growth-rank-exams >= 1, --growth-subset-size 1-12, --growth-ptbxl >= 0");
        }
        if (!heap.matches("\\d+[kKmMgG]?")) {
            throw new EcgLabException("--growth-heap " + heap + ": give a Java heap size such as 1g or 768m");
        }
        Set<GrowthJob> chosen = EnumSet.allOf(GrowthJob.class);
        if (jobs != null) {
            chosen.clear();
            jobs.forEach(j -> chosen.add(GrowthJob.parse(j)));
        }
        Path root = data != null ? data : ProjectPaths.runs().resolve("growth-data");
        List<Integer> sorted = counts.stream().sorted().distinct().toList();
        return new GrowthOptions(sorted, ptbxlRecords, root, chosen, trainExams, rankExams, subsetExams,
                subsetSize, heap, GrowthChild.class.getName(), root.resolve("work"));
    }

    private int size(String text) {
        try {
            int exams = Integer.parseInt(text.strip());
            if (exams >= 2) {
                return exams;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new EcgLabException("--growth-sizes " + String.join(",", sizes) + ": '" + text + "' is not a size of "
                + "at least 2 exams; give sizes such as 1000,10000, or none");
    }

    /** The figure's base path. */
    Path plotBase() {
        return plot != null ? plot : ProjectPaths.runs().resolve("bench").resolve("growth");
    }
}
