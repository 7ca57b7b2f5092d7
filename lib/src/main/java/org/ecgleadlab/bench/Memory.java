package org.ecgleadlab.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap and resident-set readings of this JVM, with peaks that can be reset so that each figure gets its own. */
public final class Memory {
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final Path STATUS = Path.of("/proc/self/status");

    private Memory() {
    }

    /** Heap still in use after a full collection (outside any timing): what is really retained. */
    public static long liveHeapBytes() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Resident set size now; -1 off Linux. */
    public static long rssBytes() {
        return procStatusBytes("VmRSS:");
    }

    /** Highest heap use since the last {@link #resetPeaks()} (sum of the heap pools' peaks). */
    public static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage.getUsed()).sum();
    }

    /** Highest resident set size since the last {@link #resetPeaks()} (or the start where Linux refuses the reset). */
    public static long peakRssBytes() {
        return procStatusBytes("VmHWM:");
    }

    /**
     * Starts new peaks: the heap pools' peak usage, and Linux's resident high-water mark (writing 5 to
     * {@code /proc/self/clear_refs}; where that is refused the RSS peak stays the process's).
     */
    public static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // not Linux, or not allowed: the RSS peak then covers the whole process, which still bounds the figure
        }
    }

    /** Whole mebibytes of {@code bytes}, rounded; -1 stays -1 (not measured). */
    public static long megabytes(long bytes) {
        return bytes < 0 ? -1 : Math.round(bytes / 1048576.0);
    }

    /** A size line of {@code /proc/self/status} (VmRSS now, VmHWM peak) in bytes; -1 off Linux. */
    private static long procStatusBytes(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
