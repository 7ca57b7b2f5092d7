package org.ecgleadlab.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.ecgleadlab.util.EcgLabException;

/**
 * One Spark application for one command: started on first use with {@link SparkSettings}, its UI address printed,
 * stopped by {@link #close}. {@link #map} runs a function over groups of exams, one task per group, and returns the
 * results in group order, turning a task's user error into the same one-line {@link EcgLabException}.
 */
public final class SparkRunner implements AutoCloseable {
    private final SparkOptions options;
    private final String job;
    private JavaSparkContext context;

    public SparkRunner(SparkOptions options, String job) {
        this.options = options;
        this.job = job;
    }

    /** The context, started on first call. */
    synchronized JavaSparkContext context() {
        if (context == null) {
            SparkJobs.quietSparkLogs(); // before Spark's first logger exists
            MasterUrl master = new MasterUrl(options.master());
            Map<String, String> settings = SparkSettings.of(master, options.conf(), job);
            master.checkReachable();
            SparkConf conf = new SparkConf();
            settings.forEach(conf::set);
            try {
                context = new JavaSparkContext(conf);
            } catch (RuntimeException e) {
                throw new EcgLabException("--master " + master.url() + ": Spark did not start: "
                        + SparkFailures.firstLine(e));
            }
            context.setLogLevel("WARN");
            String ui = context.sc().uiWebUrl().isDefined() ? context.sc().uiWebUrl().get() : "off";
            System.err.printf("spark: master %s, %d cores, UI %s%n", master.url(), context.defaultParallelism(), ui);
        }
        return context;
    }

    /** The SQL session over {@link #context()}: Spark's DataFrame writer (Parquet). */
    SparkSession session() {
        return SparkSession.builder().sparkContext(context().sc()).getOrCreate();
    }

    /** Exams per task for {@code exams} exams in batches of {@code batchSize}. */
    int groupSize(int exams, int batchSize) {
        return ExamGroups.size(exams, context().defaultParallelism(), batchSize, options.examsPerTask());
    }

    /**
     * {@code work} applied to each group in its own task; results in group order. {@code examsDone} hears each
     * group's size when its task ends.
     */
    <T extends Serializable> List<T> map(List<List<ExamRow>> groups, Function<List<ExamRow>, TaskOutcome<T>> work,
                                         IntConsumer examsDone) {
        return map(groups, groups.stream().mapToInt(List::size).toArray(), work, examsDone);
    }

    /**
     * {@code work} applied to each item in its own task; results in item order. {@code done} hears an item's
     * {@code weight} when its task ends (once, however often Spark runs it).
     */
    <I, T extends Serializable> List<T> map(List<I> items, int[] weights,
                                            Function<I, TaskOutcome<T>> work, IntConsumer done) {
        JavaSparkContext sc = context();
        TaskProgress progress = new TaskProgress(weights, done);
        sc.sc().addSparkListener(progress);
        List<TaskOutcome<T>> outcomes;
        try {
            outcomes = sc.parallelize(items, Math.max(1, items.size())).map(work).collect();
        } catch (RuntimeException e) {
            throw SparkFailures.asUserError(e);
        } finally {
            sc.sc().removeSparkListener(progress);
        }
        List<T> values = new ArrayList<>();
        for (TaskOutcome<T> outcome : outcomes) {
            if (outcome.userError() != null) {
                throw new EcgLabException(outcome.userError());
            }
            values.add(outcome.value());
        }
        progress.finish();
        return values;
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }
}
