package org.ecgleadlab.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.ecgleadlab.util.CpuUse;
import org.ecgleadlab.util.EcgLabException;

/** Chooses where the model runs: CUDA when DJL finds a GPU, else the CPU. */
public final class Devices {
    /** How long {@link #fitThreadsToLoad()} watches the machine. */
    private static final int SAMPLE_MILLIS = 300;

    static {
        NativeAllocator.tune(); // before libtorch allocates its first tensor
    }

    private Devices() {
    }

    /** The first GPU when DJL's PyTorch engine finds one, else the CPU. */
    public static Device auto() {
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /**
     * Parses a {@code --device} option: {@code auto}, {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}.
     *
     * @throws EcgLabException for any other text or a GPU that DJL does not find
     */
    public static Device parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("auto")) {
            return auto();
        }
        if (value.equals("cpu")) {
            return Device.cpu();
        }
        int index;
        if (value.equals("gpu") || value.equals("cuda")) {
            index = 0;
        } else if (value.matches("(gpu|cuda):\\d+")) {
            index = Integer.parseInt(value.substring(value.indexOf(':') + 1));
        } else {
            throw new EcgLabException("--device " + text + ": not a device; use auto, cpu, gpu or gpu:N");
        }
        int gpus = Engine.getInstance().getGpuCount();
        if (index >= gpus) {
            throw new EcgLabException("--device " + text + ": DJL finds " + gpus + " GPU(s) on this machine"
                    + "; use --device cpu, or auto to take a GPU only when there is one");
        }
        return Device.gpu(index);
    }

    /** libtorch's intra-op thread count (the {@code torch.get_num_threads()} equivalent). */
    public static int intraOpThreads() {
        Engine.getInstance();
        return JniUtils.getNumThreads();
    }

    /**
     * Sets libtorch's intra-op thread count for this process ({@code torch.set_num_threads}); one thread per
     * core is fastest on an idle machine, fewer when other processes share the cores.
     */
    public static void setIntraOpThreads(int threads) {
        if (threads < 1) {
            throw new EcgLabException("--threads " + threads + ": give at least 1");
        }
        Engine.getInstance();
        JniUtils.setNumThreads(threads);
    }

    /**
     * Sizes libtorch's intra-op pool to the cores this process can actually have: every core on an idle
     * machine, fewer when other processes keep cores busy right now (measured over {@value #SAMPLE_MILLIS} ms from
     * {@code /proc/stat}, this process's own time left out; the 1-minute load average where {@code /proc} is missing).
     * The load average is no guide on its own: it still counts a job that ended seconds ago. libtorch's OpenMP
     * threads spin at every parallel op waiting for each other; on a shared 2-core machine at load 16 two threads ran
     * inference about 10× slower than one. Does nothing when the user fixed the count with
     * {@code -Dai.djl.pytorch.num_threads}.
     *
     * @return the intra-op thread count now in force
     */
    public static int fitThreadsToLoad() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            double busyElsewhere = CpuUse.coresBusyElsewhere(SAMPLE_MILLIS);
            if (busyElsewhere < 0) {
                busyElsewhere = Math.max(0, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() - 1);
            }
            int free = (int) Math.round(cores - busyElsewhere);
            setIntraOpThreads(Math.max(1, Math.min(cores, free)));
        }
        return intraOpThreads();
    }
}
