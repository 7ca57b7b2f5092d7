package org.ecgleadlab.cli.options;

import org.ecgleadlab.model.Devices;
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

    /** The device as given, for {@code Devices.parse}. */
    public String device() {
        return device;
    }

    /**
     * Sets libtorch's intra-op threads when --threads is given; must run before the first model is built.
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
