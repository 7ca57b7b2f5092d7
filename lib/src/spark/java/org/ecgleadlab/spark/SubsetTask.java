package org.ecgleadlab.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.TaskContext;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.subsets.LeadDropoutTraining;
import org.ecgleadlab.subsets.LeadSet;
import org.ecgleadlab.subsets.MaskedRequest;
import org.ecgleadlab.train.TrainingListener;

/**
 * The tasks of {@code spark subset-search}: a group of subsets (as lead masks: {@link LeadSet} does not serialize)
 * scored over every evaluation exam with a model of the executor's {@link ModelPool}, or the lead-dropout training.
 */
final class SubsetTask {
    private SubsetTask() {
    }

    /** A group of subsets and what scoring them needs, as it travels to its task. */
    record Group(int[] masks, String modelFile, List<ExamRow> exams, int batchSize, String device)
            implements Serializable {
        static Group of(List<LeadSet> sets, MaskedRequest request, List<ExamRow> exams) {
            return new Group(sets.stream().mapToInt(LeadSet::mask).toArray(), request.modelFile(), exams,
                    request.batchSize(), request.device());
        }

        List<LeadSet> sets() {
            return Arrays.stream(masks).mapToObj(LeadSet::new).toList();
        }

        /**
         * Probabilities {@code [set][exam][condition]}: the exams read once, the checkpoint loaded once per task slot
         * of the executor, on the GPU Spark assigned the task if any.
         */
        float[][][] score() {
            String taskDevice = GridTask.taskDevice(device);
            MaskedRequest request = new MaskedRequest(modelFile, ExamRow.exams(exams), batchSize, taskDevice);
            return ModelPool.with(modelFile, taskDevice, model -> request.score(model, sets(), rows -> { }));
        }
    }

    /**
     * Trains (or resumes) the lead-dropout model in this task, on the GPU Spark assigned it if any, with as many
     * libtorch threads as the task holds cores; returns the best checkpoint's path.
     */
    static String train(LeadDropoutTraining training) {
        TaskContext task = TaskContext.get();
        Devices.setIntraOpThreads(task != null ? Math.max(1, task.cpus()) : 1);
        return training.onDevice(GridTask.taskDevice(training.device())).run(TrainingListener.NONE)
                .toAbsolutePath().normalize().toString();
    }
}
