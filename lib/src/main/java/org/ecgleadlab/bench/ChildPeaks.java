package org.ecgleadlab.bench;

/**
 * What a child JVM of {@code bench --growth} reports on exit: one stderr line each for its peak heap (the heap pools'
 * peaks summed, an upper bound of the true peak) and its peak resident set (Linux VmHWM), which the parent parses.
 * Agent-free: the child's main installs it before running its command.
 */
public final class ChildPeaks {
    /** Start of the peak-heap line. */
    public static final String HEAP = "ecgleadlab-peak-heap-bytes=";
    /** Start of the peak-RSS line. */
    public static final String RSS = "ecgleadlab-peak-rss-bytes=";

    private ChildPeaks() {
    }

    /** Prints the peaks when this JVM exits (System.exit or the end of main). */
    public static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println(HEAP + Memory.peakHeapBytes());
            System.err.println(RSS + Memory.peakRssBytes());
        }, "peak-memory-report"));
    }
}
