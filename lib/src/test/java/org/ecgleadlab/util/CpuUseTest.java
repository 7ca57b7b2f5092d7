package org.ecgleadlab.util;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuUseTest {
    @Test
    void seesAnotherProcessSpinningButNotItsOwnWork() throws Exception {
        Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            Thread.sleep(100);
            double busy = CpuUse.coresBusyElsewhere(400);
            assertTrue(busy >= 0.5, "a spinning shell keeps about one core busy, measured " + busy);
        } finally {
            spinner.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        // Other processes (a build beside the tests) may keep cores busy: what this process adds must not count.
        double elsewhere = CpuUse.coresBusyElsewhere(300);
        Thread own = new Thread(() -> {
            long end = System.nanoTime() + 400_000_000L;
            while (System.nanoTime() < end) {
                Math.sqrt(Math.random());
            }
        });
        own.start();
        double busy = CpuUse.coresBusyElsewhere(300);
        own.join();
        assertTrue(busy >= 0 && busy - elsewhere < 0.6, "this process's own spinning must not count, measured "
                + busy + " against " + elsewhere + " without it");
    }
}
