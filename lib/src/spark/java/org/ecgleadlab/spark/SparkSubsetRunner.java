package org.ecgleadlab.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.subsets.LeadDropoutTraining;
import org.ecgleadlab.subsets.LeadSet;
import org.ecgleadlab.subsets.MaskedRequest;
import org.ecgleadlab.subsets.SubsetSearchRunner;
import org.ecgleadlab.train.TrainingListener;
import org.ecgleadlab.util.EcgLabException;

/**
 * {@code subset-search} on Spark: the lead-dropout training (when asked) is one task that trains through the one
 * training loop into its run folder, which every node must see (a task Spark re-runs resumes from the last epoch
 * checkpoint); the masked inference is one task per group of subsets, each reading every evaluation exam once and
 * taking its model from the executor's {@link ModelPool}. The driver saves each group as its task ends
 * ({@link GroupJob}) and scores them as the single-JVM search does. A user error in a task is the single-JVM
 * command's line. The training's per-batch progress stays in its executor ({@code listener} is not called); the
 * driver shows a bar of one run.
 */
public final class SparkSubsetRunner implements SubsetSearchRunner {
    private final SparkRunner spark;

    public SparkSubsetRunner(SparkRunner spark) {
        this.spark = spark;
    }

    @Override
    public Path train(LeadDropoutTraining training, TrainingListener listener) {
        List<String> best;
        try (ProgressBar bar = Progress.bar("lead-dropout training on spark", 1, "runs")) {
            best = spark.map(List.of(training), new int[] {1}, t -> TaskOutcome.of(() -> SubsetTask.train(t)),
                    bar::stepBy);
        }
        Path checkpoint = Path.of(best.get(0));
        if (!Files.exists(checkpoint)) {
            throw new EcgLabException(checkpoint + ": the Spark task trained the lead-dropout model there, but this"
                    + " machine does not see it; put " + training.output() + " on storage every node sees at the"
                    + " same path");
        }
        return checkpoint;
    }

    @Override
    public void infer(MaskedRequest request, List<List<LeadSet>> groups, GroupDone done, IntConsumer rowsDone) {
        List<ExamRow> exams = request.exams().stream().map(ExamRow::of).toList();
        int sets = groups.stream().mapToInt(List::size).sum();
        // the sets spread like a job's exams: about 4 tasks per core, a "batch" being one set
        List<List<LeadSet>> tasks = cut(groups, spark.groupSize(sets, 1));
        List<SubsetTask.Group> work = tasks.stream().map(g -> SubsetTask.Group.of(g, request, exams)).toList();
        int[] rows = tasks.stream().mapToInt(g -> g.size() * exams.size()).toArray();
        GroupJob.run(spark, work, rows, (group, probabilities) -> done.accept(tasks.get(group), probabilities),
                rowsDone);
    }

    /** Each group cut into consecutive pieces of at most {@code size} sets, in order. */
    static List<List<LeadSet>> cut(List<List<LeadSet>> groups, int size) {
        List<List<LeadSet>> pieces = new ArrayList<>();
        for (List<LeadSet> group : groups) {
            for (int from = 0; from < group.size(); from += size) {
                pieces.add(List.copyOf(group.subList(from, Math.min(group.size(), from + size))));
            }
        }
        return pieces;
    }
}
