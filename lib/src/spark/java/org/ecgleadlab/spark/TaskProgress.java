package org.ecgleadlab.spark;

import java.util.BitSet;
import java.util.function.IntConsumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Feeds the driver's progress bar from task completions: each group's exams count once when its first attempt
 * succeeds (a re-run or speculative copy of the same group does not count twice).
 */
final class TaskProgress extends SparkListener {
    private final int[] groupSizes;
    private final IntConsumer examsDone;
    private final BitSet done = new BitSet();

    TaskProgress(int[] groupSizes, IntConsumer examsDone) {
        this.groupSizes = groupSizes.clone();
        this.examsDone = examsDone;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (taskEnd.taskInfo() != null && taskEnd.taskInfo().successful()) {
            count(taskEnd.taskInfo().index());
        }
    }

    /** Counts the groups whose end the listener bus has not delivered yet (it runs behind the job). */
    void finish() {
        for (int group = 0; group < groupSizes.length; group++) {
            count(group);
        }
    }

    private synchronized void count(int group) {
        if (group >= 0 && group < groupSizes.length && !done.get(group)) {
            done.set(group);
            examsDone.accept(groupSizes[group]);
        }
    }
}
