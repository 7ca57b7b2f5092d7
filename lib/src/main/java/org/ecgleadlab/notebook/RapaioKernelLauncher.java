package org.ecgleadlab.notebook;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.logging.LogManager;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 as its {@code MainApp} does, without its start-up race. {@code MainApp} binds
 * the channel sockets (their threads start polling at once) before it creates the map of message handlers; a
 * {@code kernel_info} request that lands in between throws a NullPointerException in the shell thread, which dies,
 * and Jupyter reports "Kernel didn't respond" ({@code docs/upstream/rapaio-kernel-loopthread.md}, issue 2, says how
 * often). Here the map exists, empty, before the sockets are bound: an early request finds no handler and is dropped,
 * and Jupyter, which repeats {@code kernel_info} every second until it is answered, gets its reply.
 *
 * <p>The kernel's other start-up race, in its {@code LoopThread}, is fixed by the corrected class of that name that
 * {@link KernelInstaller} puts before the kernel jar on the class path (see
 * {@code org.rapaio.jupyter.kernel.channels.LoopThread}).
 *
 * <p>It runs in the kernel's JVM with nothing but the kernel jar beside it (lib must stay off that class path, or
 * JShell would load lib's classes without their dependencies), so it uses only the JDK and reaches the kernel by
 * reflection; {@link KernelInstaller} copies this class file into the kernel folder. It has no {@code main}: JBang
 * runs the first {@code main} it finds in a script's sources when none is named, so lib keeps none; the installer
 * writes a one-line program that Java runs from source and that calls {@link #launch}.
 */
public final class RapaioKernelLauncher {
    private static final String KERNEL_PACKAGE = "org.rapaio.jupyter.kernel.";

    private RapaioKernelLauncher() {
    }

    /** Runs the kernel until Jupyter shuts it down; {@code args[0]} is the connection file Jupyter passes. */
    public static void launch(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StartKernel CONNECTION_FILE");
        }
        // Initialising MainApp builds the kernel (JShell, class path, init script), as `java -jar` would.
        Class<?> mainApp = kernelClass("MainApp");
        Object kernel = mainApp.getField("kernel").get(null);
        try (InputStream logging = mainApp.getClassLoader().getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(logging);
        }
        Class<?> propertiesType = kernelClass("core.ConnectionProperties");
        Object properties = kernelClass("core.Transform").getMethod("fromJson", String.class, Class.class)
                .invoke(null, Files.readString(Path.of(args[0])), propertiesType);
        if ("ipc".equals(propertiesType.getMethod("transport").invoke(properties))) {
            throw new IllegalArgumentException("rapaio-jupyter-kernel does not support the ipc transport");
        }
        Class<?> channelsType = kernelClass("channels.Channels");
        Object channels = channelsType.getConstructor(propertiesType).newInstance(properties);
        Field handlers = channelsType.getDeclaredField("handlers");
        handlers.setAccessible(true);
        handlers.set(channels, new HashMap<>());
        channelsType.getMethod("connect", kernel.getClass()).invoke(channels, kernel);
        channelsType.getMethod("joinUntilClose").invoke(channels);
    }

    private static Class<?> kernelClass(String name) throws ClassNotFoundException {
        return Class.forName(KERNEL_PACKAGE + name, true, RapaioKernelLauncher.class.getClassLoader());
    }
}
