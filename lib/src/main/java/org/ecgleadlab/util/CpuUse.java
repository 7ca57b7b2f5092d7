package org.ecgleadlab.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How busy the machine's cores are right now, from Linux's {@code /proc}. */
public final class CpuUse {
    private CpuUse() {
    }

    /**
     * Cores kept busy by other processes during the next {@code millis} ms: all CPU time the kernel counts as working
     * (user, nice, system, irq, softirq, steal) minus this process's own, divided by the time elapsed.
     *
     * @return busy cores, from 0 to the core count; -1 where {@code /proc} cannot be read
     */
    public static double coresBusyElsewhere(int millis) {
        try {
            long[] before = machineTicks();
            long selfBefore = selfTicks();
            Thread.sleep(millis);
            long[] after = machineTicks();
            long selfAfter = selfTicks();
            long total = after[0] - before[0];
            long busy = (after[1] - before[1]) - (selfAfter - selfBefore);
            int cores = Runtime.getRuntime().availableProcessors();
            return total <= 0 ? -1 : Math.max(0, Math.min(cores, cores * (double) busy / total));
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {total, busy} clock ticks of all cores since boot (first line of {@code /proc/stat}). */
    private static long[] machineTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(fields.length, 9); i++) {   // user nice system idle iowait irq softirq steal
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total, total - idle};
    }

    /** This process's user + system clock ticks (fields 14 and 15 of {@code /proc/self/stat}). */
    private static long selfTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");   // fields from 3 on
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
