package org.ecgleadlab.model;

import com.sun.jna.Function;
import com.sun.jna.Platform;

/**
 * Keeps glibc's malloc from handing libtorch's large tensors back to the kernel after every use.
 *
 * <p>By default glibc serves each allocation above 128 kB–32 MB with a fresh {@code mmap} and unmaps it on free, so every
 * batch's activations (a 32-exam attention matrix alone is 52 MB) are new pages that the kernel faults in and zeroes
 * again, which can cost more than the arithmetic of a batched matmul or a softmax (docs/scaling.md has the
 * measurements). Calling {@code mallopt} at start-up does
 * what {@code GLIBC_TUNABLES=glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=...} would, but from inside the JVM,
 * so it also holds under a global {@code jbang}, Maven or the Jupyter kernel, none of which can set the environment
 * before the JVM starts. The price: freed memory stays with the process (RSS stays at its peak), which suits a
 * process that repeats batches of one size.
 *
 * <p>Skipped off Linux/glibc, when the user set {@code GLIBC_TUNABLES} (theirs win) or with
 * {@code -Decgleadlab.malloc.tuning=false}.
 */
public final class NativeAllocator {
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_MAX = -4;
    private static final int KEEP_FREED_BYTES = Integer.MAX_VALUE;
    private static final int TOP_PAD_BYTES = 256 << 20;

    private static Boolean tuned; // guarded by the class lock of tune()

    private NativeAllocator() {
    }

    /** Tunes malloc once per process; returns whether the tuning is in force. */
    public static synchronized boolean tune() {
        if (tuned == null) {
            tuned = apply();
        }
        return tuned;
    }

    private static boolean apply() {
        if (!Platform.isLinux() || System.getenv("GLIBC_TUNABLES") != null
                || !Boolean.parseBoolean(System.getProperty("ecgleadlab.malloc.tuning", "true"))) {
            return false;
        }
        try {
            Function mallopt = Function.getFunction("c", "mallopt");
            // mallopt returns 1 on success; each setting is global to every malloc arena.
            return mallopt.invokeInt(new Object[] {M_MMAP_MAX, 0}) == 1
                    & mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, KEEP_FREED_BYTES}) == 1
                    & mallopt.invokeInt(new Object[] {M_TOP_PAD, TOP_PAD_BYTES}) == 1;
        } catch (LinkageError e) {
            return false; // not glibc (e.g. musl): nothing to tune
        }
    }
}
