package org.ecgleadlab.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.ecgleadlab.adapt.AdaptationGrid;
import org.ecgleadlab.adapt.AdaptationProfile;
import org.ecgleadlab.adapt.AdaptationRun;
import org.ecgleadlab.adapt.AdaptationSetup;
import org.ecgleadlab.adapt.RunSpec;
import org.ecgleadlab.adapt.RunStore;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.train.TrainingListener;

/**
 * One run of a grid as it travels to its task: the run's spec, the setup the grid shares (paths as text, since
 * {@link Path} is not serializable) and the run store's folder, which every node must see at the same path.
 */
record GridTask(RunSpec spec, String trainingData, List<String> testPool, String baseline,
                AdaptationProfile profile, long splitSeed, long seed, String device, String store)
        implements Serializable {

    static GridTask of(RunSpec spec, AdaptationSetup setup, RunStore store) {
        return new GridTask(spec, setup.trainingData().toAbsolutePath().toString(),
                setup.testPool().stream().map(p -> p.toAbsolutePath().toString()).toList(),
                setup.baseline() == null ? null : setup.baseline().toAbsolutePath().toString(), setup.profile(),
                setup.splitSeed(), setup.seed(), setup.device(), store.root().toAbsolutePath().toString());
    }

    /**
     * Runs it in the task through the grid's own loop ({@link AdaptationGrid#runOne} with an {@link AdaptationRun}):
     * a run already finished is left as it is, a half-trained one resumes from its last epoch checkpoint. Returns
     * whether it was found finished.
     */
    Boolean execute() {
        // OpenMP's thread count belongs to the calling thread: set it in every task's thread, or a task on a pool
        // thread that never set it trains with every core and other last bits than the single-JVM run
        TaskContext task = TaskContext.get();
        Devices.setIntraOpThreads(task != null ? Math.max(1, task.cpus()) : 1);
        AdaptationSetup setup = new AdaptationSetup(Path.of(trainingData), testPool.stream().map(Path::of).toList(),
                baseline == null ? null : Path.of(baseline), profile, splitSeed, seed, taskDevice(device));
        return AdaptationGrid.runOne(spec, new RunStore(Path.of(store)),
                new AdaptationRun(setup, TrainingListener.NONE)).reused();
    }

    /**
     * The device of this task: with {@code auto} or {@code gpu} and a GPU assigned to the task by Spark
     * ({@code spark.task.resource.gpu.amount}), that GPU; otherwise the device asked for.
     */
    static String taskDevice(String asked) {
        TaskContext task = TaskContext.get();
        if (task == null || !(asked.equals("auto") || asked.equals("gpu"))) {
            return asked;
        }
        ResourceInformation gpu = task.resourcesJMap().get("gpu");
        return gpu == null || gpu.addresses().length == 0 ? asked : "gpu:" + gpu.addresses()[0];
    }
}
