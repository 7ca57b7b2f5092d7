package org.ecgleadlab.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.ecgleadlab.util.CpuUse;
import org.ecgleadlab.util.EcgLabException;

/**
 * Chooses where the model runs: CUDA when DJL finds a GPU, else the CPU; and says why, in one line ("device: cpu
 * (auto: no CUDA GPU found)") that commands print instead of the libraries' start-up warnings.
 */
public final class Devices {
    /** How long {@link #fitThreadsToLoad()} watches the machine. */
    private static final int SAMPLE_MILLIS = 300;
    static {
        NativeAllocator.tune(); // before libtorch allocates its first tensor
    }

    private Devices() {
    }

    /**
     * A device and the reason it was chosen.
     *
     * @param device where the model runs
     * @param reason why, for the user: what {@code --device} asked, or what {@code auto} found
     */
    public record Choice(Device device, String reason) {
        /** The line commands print, e.g. {@code device: cpu (auto: no CUDA GPU found)}. */
        public String line() {
            String name = device.isGpu() ? "gpu:" + device.getDeviceId() : device.getDeviceType();
            return "device: " + name + " (" + reason + ")";
        }
    }

    /** The first GPU when DJL's PyTorch engine finds one, else the CPU. */
    public static Device auto() {
        return choose("auto").device();
    }

    /**
     * Parses a {@code --device} option: {@code auto}, {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}, and
     * passes the {@link Choice#line()} to {@link DeviceLine} (which {@code Cli} prints on stderr).
     *
     * @throws EcgLabException for any other text or a GPU that DJL does not find
     */
    public static Device parse(String text) {
        Choice choice = choose(text);
        DeviceLine.announce(choice.line());
        return choice.device();
    }

    /**
     * Checks the text of a {@code --device} option without loading the engine, so a typo is refused before any data
     * is read; whether the GPU exists is checked by {@link #parse}.
     *
     * @return the text, trimmed and in lower case
     */
    public static String requireValid(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!value.matches("auto|cpu|gpu|cuda|(gpu|cuda):\\d{1,4}")) {
            throw new EcgLabException("--device " + text + ": not a device; use auto, cpu, gpu or gpu:N");
        }
        return value;
    }

    /** What {@link #parse} chooses and why, without announcing it. */
    public static Choice choose(String text) {
        String value = requireValid(text);
        LibtorchWarnings.quietOnce(); // loads the engine; every choice below is followed by libtorch work
        if (value.equals("auto")) {
            Engine engine = Engine.getInstance();
            boolean cudaBuild = engine.hasCapability(StandardCapabilities.CUDA);
            int cudaGpus = cudaBuild ? engine.getGpuCount() : CudaUtils.getGpuCount();
            return autoChoice(engine.getGpuCount(), cudaBuild, cudaGpus, DeviceLine.nvidiaDriverLoaded());
        }
        if (value.equals("cpu")) {
            return new Choice(Device.cpu(), "--device " + value);
        }
        int index = value.contains(":") ? Integer.parseInt(value.substring(value.indexOf(':') + 1)) : 0;
        int gpus = Engine.getInstance().getGpuCount();
        if (index >= gpus) {
            throw new EcgLabException("--device " + text + ": DJL finds " + gpus + " GPU(s) on this machine"
                    + "; use --device cpu, or auto to take a GPU only when there is one");
        }
        return new Choice(Device.gpu(index), "--device " + value);
    }

    /**
     * What {@code --device auto} takes, from what was found: GPUs the engine can use, whether libtorch is a CUDA
     * build, GPUs the CUDA runtime reports, and whether an NVIDIA driver is loaded.
     */
    static Choice autoChoice(int engineGpus, boolean cudaBuild, int cudaGpus, boolean nvidiaDriver) {
        if (engineGpus > 0) {
            return new Choice(Device.gpu(), "auto: " + engineGpus + " CUDA GPU(s) found");
        }
        if (!cudaBuild && cudaGpus > 0) {
            return new Choice(Device.cpu(), "auto: " + cudaGpus + " CUDA GPU(s) present, but libtorch is the CPU"
                    + " build; the README's \"GPU\" section says how to use a CUDA build");
        }
        if (nvidiaDriver) {
            return new Choice(Device.cpu(), "auto: an NVIDIA driver is loaded but CUDA finds no usable GPU;"
                    + " --verbose shows DJL's CUDA message");
        }
        return new Choice(Device.cpu(), "auto: no CUDA GPU found");
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
     * threads spin at every parallel op waiting for each other, so more threads than free cores make inference much
     * slower, not faster (docs/scaling.md). Does nothing when the user fixed the count with
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
