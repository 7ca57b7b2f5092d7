package org.ecgleadlab.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where the "device: ..." line of {@link Devices#parse} goes, and what decides whether DJL's CUDA warnings carry
 * information. Kept apart from {@link Devices} so that {@code Cli} can set both up without initialising
 * {@link Devices} (whose start-up tunes malloc for libtorch, which commands without a model do not want).
 */
public final class DeviceLine {
    /** Present on Linux while the NVIDIA kernel driver is loaded. */
    private static final Path NVIDIA_DRIVER = Path.of("/proc/driver/nvidia/version");

    private static Consumer<String> sink; // guarded by the class lock
    private static String last;

    private DeviceLine() {
    }

    /**
     * Sends device lines to {@code target} ({@code null}: nowhere, the default). A line equal to the last one sent is
     * not sent again, so a job that parses the same {@code --device} many times prints it once.
     */
    public static synchronized void printTo(Consumer<String> target) {
        sink = target;
        last = null;
    }

    static synchronized void announce(String line) {
        if (sink != null && !line.equals(last)) {
            last = line;
            sink.accept(line);
        }
    }

    /** True when an NVIDIA kernel driver is loaded: then a failing CUDA probe may explain a GPU that does not work. */
    public static boolean nvidiaDriverLoaded() {
        return Files.exists(NVIDIA_DRIVER);
    }
}
