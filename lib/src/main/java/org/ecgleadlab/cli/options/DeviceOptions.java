package org.ecgleadlab.cli.options;

import org.ecgleadlab.model.Devices;
import org.ecgleadlab.util.EcgLabException;
import picocli.CommandLine.Option;

/**
 * {@code --device} and {@code --threads}: where a command runs libtorch and with how many intra-op threads. Every
 * command that runs a model takes both, so {@code --threads} means libtorch's threads wherever it appears (worker
 * threads of other work get another name, such as generate-data's {@code --workers}).
 */
public final class DeviceOptions {
    /** Picks the GPU when libtorch sees one, else the CPU. */
    public static final String AUTO = "auto";

    @Option(names = "--device", defaultValue = AUTO,
            description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    private String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "libtorch intra-op threads (default: one per core). CPU results are bit-for-bit "
                    + "repeatable for a seed and a thread count; another count changes the last bits")
    private Integer threads;

    /**
     * The device and threads given, checked (a bad --device or --threads is refused here, before any data is read;
     * whether the GPU exists is checked when the model is built).
     */
    public Choice choice() {
        if (threads != null && threads < 1) {
            throw new EcgLabException("--threads " + threads + ": give at least 1");
        }
        return new Choice(Devices.requireValid(device), threads);
    }

    /** The device as given, for {@code Devices.parse}. */
    public String device() {
        return choice().device();
    }

    /** See {@link Choice#applyThreads()}. */
    public boolean applyThreads() {
        return choice().applyThreads();
    }

    /**
     * A checked --device and --threads.
     *
     * @param device  auto, cpu, gpu or gpu:N, for {@code Devices.parse}
     * @param threads libtorch's intra-op threads, null: one per core
     */
    public record Choice(String device, Integer threads) {
        /**
         * Sets libtorch's intra-op threads when --threads was given; must run before the first model is built.
         *
         * @return whether --threads was given, so a command may size the pool otherwise
         */
        public boolean applyThreads() {
            if (threads == null) {
                return false;
            }
            Devices.setIntraOpThreads(threads);
            return true;
        }
    }
}
