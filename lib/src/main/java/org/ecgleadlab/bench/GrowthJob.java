package org.ecgleadlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ecgleadlab.util.EcgLabException;

/**
 * The user-facing jobs {@code bench --growth} runs at each size, as their command lines (run by the child main the
 * front end names) and the exams each one processes, which exams/s divides by.
 */
public enum GrowthJob {
    /** Opens the dataset and scans every tracing: all exams. */
    ECG_INFO("ecg-info"),
    /** The default checkpoint on every exam. */
    PREDICT("predict"),
    /** The default checkpoint on the data's test pool (all exams of a CODE-15% folder, PTB-XL's fold 10). */
    EVALUATE("evaluate"),
    /** One epoch (training and validation pass) on the first {@code --growth-train-exams} exams (0: all). */
    TRAIN("train"),
    /** The four-method ranking of {@code --growth-rank-exams} exams of the test pool. */
    RANK_LEADS("rank-leads"),
    /** Subset-search's masked evaluation of the evaluation half (capped by {@code --growth-subset-exams}). */
    SUBSET_SEARCH("subset-search");

    private final String command;

    GrowthJob(String command) {
        this.command = command;
    }

    /** The command's name, which is also the option's spelling. */
    public String command() {
        return command;
    }

    /** Parses a {@code --growth-jobs} entry. */
    public static GrowthJob parse(String text) {
        for (GrowthJob job : values()) {
            if (job.command.equalsIgnoreCase(text.strip())) {
                return job;
            }
        }
        throw new EcgLabException("--growth-jobs " + text + ": unknown job; use some of "
                + Arrays.stream(values()).map(GrowthJob::command).toList());
    }

    /** Where the job writes on a dataset whose jobs share {@code work}: emptied before each run. */
    Path output(Path work) {
        return work.resolve(command);
    }

    /** The job's command line on {@code data}, writing into {@link #output}. */
    List<String> args(GrowthData.Dataset data, Path work, GrowthOptions options) {
        String dir = data.folder().toString();
        String out = output(work).toString();
        List<String> args = new ArrayList<>(List.of(command));
        switch (this) {
            case ECG_INFO -> args.add(dir);
            case PREDICT -> args.addAll(List.of(dir, "-o", output(work).resolve("predictions.csv").toString()));
            case EVALUATE -> args.addAll(List.of(dir, "-o", out));
            case TRAIN -> args.addAll(List.of("--data", dir, "--epochs", "1", "--max-exams",
                    Integer.toString(options.trainExams()), "-o", out));
            case RANK_LEADS -> args.addAll(List.of("--data", dir, "--exams", Integer.toString(options.rankExams()),
                    "-o", out));
            case SUBSET_SEARCH -> {
                args.addAll(List.of("--test-data", dir, "--max-size", Integer.toString(options.subsetSize()),
                        "--max-exams", Integer.toString(options.subsetExams()), "-o", out));
                Path ranking = RANK_LEADS.output(work).resolve("ranking.json");
                // the ranking rank-leads made on this dataset in this run, never an older one or runs/'s
                if (options.jobs().contains(RANK_LEADS) && Files.isRegularFile(ranking)) {
                    args.addAll(List.of("--ranking", ranking.toString()));
                }
            }
            default -> throw new IllegalStateException(name());
        }
        return args;
    }

    /** Exams the job processes on {@code data}. */
    int exams(GrowthData.Dataset data, GrowthOptions options) {
        return switch (this) {
            case ECG_INFO, PREDICT -> data.exams();
            case EVALUATE -> data.testPool();
            case TRAIN -> capped(data.exams(), options.trainExams());
            case RANK_LEADS -> capped(data.testPool(), options.rankExams());
            case SUBSET_SEARCH -> capped(data.exams() / 2, options.subsetExams());
        };
    }

    private static int capped(int available, int cap) {
        return cap > 0 ? Math.min(available, cap) : available;
    }

    @Override
    public String toString() {
        return command.toLowerCase(Locale.ROOT);
    }
}
