package org.ecgleadlab.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.TaskContext;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.train.Checkpoint;

/**
 * The models of one executor JVM, by checkpoint and device: loaded once per task slot (a model is not shared by two
 * tasks at once: the occlusion pass keeps per-call state) and kept for the JVM's life, so an executor reads the
 * checkpoint once per core, not once per task. libtorch gets as many intra-op threads as a task has cores.
 */
final class ModelPool {
    private static final Map<String, Deque<LgaEcgModel>> IDLE = new HashMap<>();
    private static boolean threadsSet;

    private ModelPool() {
    }

    /** Runs {@code work} with a model of {@code checkpoint} on {@code device}, loading one when none is free. */
    static <T> T with(String checkpoint, String device, Function<LgaEcgModel, T> work) {
        String key = checkpoint + "|" + device;
        LgaEcgModel model = borrow(key);
        if (model == null) {
            setThreadsOnce();
            model = Checkpoint.open(java.nio.file.Path.of(checkpoint)).loadModel(Devices.parse(device));
        }
        try {
            return work.apply(model);
        } finally {
            giveBack(key, model);
        }
    }

    private static synchronized LgaEcgModel borrow(String key) {
        Deque<LgaEcgModel> idle = IDLE.get(key);
        return idle == null ? null : idle.pollFirst();
    }

    private static synchronized void giveBack(String key, LgaEcgModel model) {
        IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).addFirst(model);
    }

    private static synchronized void setThreadsOnce() {
        if (!threadsSet) {
            TaskContext task = TaskContext.get();
            Devices.setIntraOpThreads(task != null ? Math.max(1, task.cpus()) : 1);
            threadsSet = true;
        }
    }
}
