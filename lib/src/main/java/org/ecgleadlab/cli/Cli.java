package org.ecgleadlab.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.ecgleadlab.model.DeviceLine;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.Verbosity;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Runs a picocli command the way every front end should: user errors as one line (exit {@value #USER_ERROR}), any
 * other escaped exception or error as one line plus the file holding its trace (exit
 * {@value LastResort#INTERNAL_ERROR}, see {@link LastResort}), never a stack trace; exit codes kept.
 */
public final class Cli {
    /** Exit code for input the user must fix (bad file, bad option). */
    public static final int USER_ERROR = 2;
    /** Exit code for a bug or an exhausted JVM: a one-line message and a trace file, never a stack trace. */
    public static final int INTERNAL_ERROR = LastResort.INTERNAL_ERROR;

    private Cli() {
    }

    /**
     * Parses {@code args}, runs {@code command} and returns the exit code (0 on success). Every command takes
     * {@code --verbose}; the device a command runs on is printed as one line on stderr (see {@link DeviceLine}).
     */
    public static int run(Object command, String... args) {
        return run(command, Map.of(), args);
    }

    /**
     * {@link #run(Object, String...)} with more options added to {@code command} as picocli mixins by name (the Spark
     * path adds its {@code --master} and {@code --conf} to the single-JVM commands this way).
     */
    public static int run(Object command, Map<String, Object> mixins, String... args) {
        if (asksVerbose(args)) {
            System.setProperty(Verbosity.PROPERTY, "true"); // before any library logger exists
        }
        useOfflineDjl();
        quietLibraryLogs();
        DeviceLine.printTo(line -> System.err.println(line));
        CommandLine commandLine = new CommandLine(command);
        reportUncaughtInOtherThreads(commandLine.getCommandName());
        commandLine.addMixin("verbose", new VerboseOption());
        mixins.forEach(commandLine::addMixin);
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof EcgLabException || ex instanceof UncheckedIOException) {
                err.println(cmd.getCommandName() + ": error: " + ex.getMessage());
                err.flush();
                return USER_ERROR;
            }
            return LastResort.report(cmd.getCommandName(), ex, err);
        });
        try {
            return commandLine.execute(args);
        } catch (Throwable escaped) { // an Error (out of memory, stack overflow) passes picocli's handler
            return LastResort.report(commandLine.getCommandName(), escaped, commandLine.getErr());
        }
    }

    /** A worker thread's escaped exception is one line and a trace file too, not a stack trace on stderr. */
    private static void reportUncaughtInOtherThreads(String command) {
        if (Thread.getDefaultUncaughtExceptionHandler() == null
                || Thread.getDefaultUncaughtExceptionHandler() instanceof OneLineUncaught) {
            Thread.setDefaultUncaughtExceptionHandler(new OneLineUncaught(command));
        }
    }

    private record OneLineUncaught(String command) implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            LastResort.report(command + " (thread " + thread.getName() + ")", error, new PrintWriter(System.err));
        }
    }

    /** {@code --verbose}, added to every command; {@link #run} reads it before parsing, so log levels are set first. */
    static final class VerboseOption {
        @Option(names = "--verbose", description = "also show the libraries' warnings and details (same as"
                + " ECGLAB_VERBOSE=1)")
        boolean verbose;
    }

    /** {@code --verbose} among the options (before a {@code --} that ends them). */
    static boolean asksVerbose(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code command} and exits the JVM with its code: the entry point of every JBang script. */
    public static void main(Object command, String... args) {
        System.exit(run(command, args));
    }

    /**
     * jhdf logs a line per attribute it half-understands and DJL logs its engine set-up; only their warnings
     * and errors help a user (jhdf's "alpha" warnings neither). DJL's CUDA probe warns "Failed to detect GPU count"
     * on every machine that has a CUDA runtime library but no NVIDIA driver, i.e. on a plain CPU machine with CUDA
     * installed: that says nothing the device line does not, so it is hidden unless a driver is loaded (then it may
     * explain a GPU that does not work). {@code --verbose} / {@code ECGLAB_VERBOSE=1} keep the libraries' own levels;
     * a level the user set with {@code -Dorg.slf4j.simpleLogger.log...} always wins.
     */
    public static void quietLibraryLogs() {
        boolean verbose = Verbosity.verbose();
        setIfAbsent("org.slf4j.simpleLogger.log.io.jhdf", verbose ? "warn" : "error");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", verbose ? "info" : "warn");
        if (!verbose && !DeviceLine.nvidiaDriverLoaded()) {
            setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** DJL must never try to download libtorch: the native library ships as a Maven dependency. */
    public static void useOfflineDjl() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
