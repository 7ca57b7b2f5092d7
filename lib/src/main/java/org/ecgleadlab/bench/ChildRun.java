package org.ecgleadlab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgleadlab.util.StartupMark;

/**
 * One job of {@code bench --growth} in its own JVM: the same java and class path as this one, a heap limit, the
 * start-up mark on. The parent times it, polls the child's {@code /proc/PID/status} VmHWM (so a child that dies
 * without its exit report still has a peak RSS) and parses the child's stderr lines ({@link StartupMark},
 * {@link ChildPeaks}). stdout and stderr go to {@code NAME.out} / {@code NAME.err} in the job's folder.
 *
 * @param wallSeconds       process start to exit, as the parent saw it
 * @param firstBatchSeconds JVM start to the first batch, NaN when the job never reached one
 * @param peakHeapBytes     the child's peak heap, -1 when it did not report
 * @param peakRssBytes      peak resident set, -1 when unknown
 * @param exitCode          the child's exit status
 * @param errorTail         the last lines of its stderr when it failed, else ""
 */
public record ChildRun(double wallSeconds, double firstBatchSeconds, long peakHeapBytes, long peakRssBytes,
                       int exitCode, String errorTail) {
    private static final long POLL_MS = 100;

    /** Runs {@code mainClass args} under {@code -Xmx<heap>} with {@code folder/name.out|.err} as its output. */
    public static ChildRun run(String mainClass, String heap, List<String> args, Path folder, String name) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap);
        command.add("-D" + StartupMark.PROPERTY + "=true");
        command.add("-Decgleadlab.quiet=true");
        command.add("-Dai.djl.offline=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Path out = folder.resolve(name + ".out");
        Path err = folder.resolve(name + ".err");
        try {
            Files.createDirectories(folder);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            long polledRss = -1;
            while (!process.waitFor(POLL_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                polledRss = Math.max(polledRss, highWaterMark(status));
            }
            double wall = (System.nanoTime() - start) / 1e9;
            List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
            double firstBatch = value(lines, StartupMark.PREFIX) / 1000.0;
            long heapPeak = (long) value(lines, ChildPeaks.HEAP);
            long rssPeak = Math.max(polledRss, (long) value(lines, ChildPeaks.RSS));
            int code = process.exitValue();
            String tail = code == 0 ? "" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3),
                    lines.size()));
            return new ChildRun(wall, Double.isNaN(firstBatch) ? Double.NaN : firstBatch,
                    heapPeak < 0 ? -1 : heapPeak, rssPeak, code, tail);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + name + " in a child JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " ran", e);
        }
    }

    /** The last value of a {@code PREFIXnumber} line, NaN (or -1 as long) when absent. */
    static double value(List<String> lines, String prefix) {
        double found = Double.NaN;
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                try {
                    found = Double.parseDouble(line.substring(prefix.length()).strip());
                } catch (NumberFormatException e) {
                    // a truncated line from a killed child: keep the last good one
                }
            }
        }
        return Double.isNaN(found) && !prefix.equals(StartupMark.PREFIX) ? -1 : found;
    }

    /** VmHWM of a running process in bytes; -1 once it is gone or off Linux. */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
