package org.ecgleadlab.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.ecgleadlab.util.EcgLabException;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * The masked inference of {@code spark subset-search} as one Spark job whose results reach the driver task by task
 * ({@code SparkContext.runJob} with a result handler), so each group of subsets is saved as soon as its task ends, as
 * the single-JVM search saves each chunk: a job stopped half-way keeps the groups already done. A user error in a task
 * is its result; the first group's (in group order) becomes the one-line error after the job.
 */
final class GroupJob {
    /** Hears one finished group: its index and its probabilities {@code [set][exam][condition]}. */
    @FunctionalInterface
    interface Finished {
        void accept(int group, float[][][] probabilities);
    }

    private GroupJob() {
    }

    static void run(SparkRunner spark, List<SubsetTask.Group> groups, int[] rows, Finished finished,
                    IntConsumer rowsDone) {
        JavaSparkContext sc = spark.context();
        TaskProgress progress = new TaskProgress(rows, rowsDone);
        Map<Integer, String> errors = new TreeMap<>();
        Function2<Object, TaskOutcome<float[][][]>, BoxedUnit> handler = (index, outcome) -> {
            if (outcome.userError() != null) {
                errors.put((Integer) index, outcome.userError());
            } else {
                finished.accept((Integer) index, outcome.value());
            }
            return BoxedUnit.UNIT;
        };
        sc.sc().addSparkListener(progress);
        try {
            sc.sc().runJob(sc.parallelize(groups, Math.max(1, groups.size())).rdd(), scoreEach(), handler,
                    ClassTag$.MODULE$.apply(TaskOutcome.class));
        } catch (RuntimeException e) {
            throw SparkFailures.asUserError(e);
        } finally {
            sc.sc().removeSparkListener(progress);
        }
        if (!errors.isEmpty()) {
            throw new EcgLabException(errors.values().iterator().next());
        }
        progress.finish();
    }

    /** A task's work: its one group scored, a user error as its result (static: nothing of the driver captured). */
    private static Function1<Iterator<SubsetTask.Group>, TaskOutcome<float[][][]>> scoreEach() {
        return (Function1<Iterator<SubsetTask.Group>, TaskOutcome<float[][][]>> & Serializable) partition -> {
            SubsetTask.Group group = partition.next();
            try {
                return TaskOutcome.of(group::score);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
