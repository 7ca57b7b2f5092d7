package org.ecgleadlab.util;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The start-up cost of a job, for {@code bench --growth}: when the system property {@value #PROPERTY} is true, the
 * first batch a job takes (or ecg-info's opened dataset) prints one line {@value #PREFIX}MS on stderr, MS being the
 * milliseconds since the JVM started. Everything before it (JVM, opening the dataset, listing files, fingerprints,
 * loading the model) is start-up. Without the property it does nothing.
 */
public final class StartupMark {
    /** The system property that turns the mark on. */
    public static final String PROPERTY = "ecgleadlab.startupMark";
    /** The start of the stderr line. */
    public static final String PREFIX = "ecgleadlab-first-batch-ms=";

    private static final AtomicBoolean MARKED = new AtomicBoolean();

    private StartupMark() {
    }

    /** Marks the first batch of this JVM (later calls do nothing). */
    public static void firstBatch() {
        if (Boolean.getBoolean(PROPERTY) && MARKED.compareAndSet(false, true)) {
            System.err.println(PREFIX + ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }
}
