package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.ecgleadlab.notebook.KernelJar;
import org.junit.jupiter.api.Test;

/**
 * The corrected LoopThread: its loop always runs once started, and it is otherwise the kernel jar's class. Started
 * 2000 times under two busy threads, rapaio-jupyter-kernel 3.0.1's own class lost 22 loops on the 2-core machine
 * (88 under heavier load from other processes); this one may lose none.
 */
class LoopThreadTest {
    private static final int STARTS = 2000;

    @Test
    void everyStartedLoopRunsEvenOnABusyMachine() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> busy = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread spinner = new Thread(() -> {
                while (!done.get()) {
                    Thread.onSpinWait();
                }
            });
            spinner.setDaemon(true);
            spinner.start();
            busy.add(spinner);
        }
        int lost = 0;
        try {
            for (int i = 0; i < STARTS; i++) {
                CountDownLatch ran = new CountDownLatch(1);
                LoopThread loop = new LoopThread("loop-" + i, 1, ran::countDown);
                loop.start();
                if (!ran.await(10, TimeUnit.SECONDS)) {
                    lost++;
                }
                stopAndJoin(loop);
            }
        } finally {
            done.set(true);
        }
        assertEquals(0, lost, "loops that ended before running their body once");
    }

    @Test
    void runsTheBodyUntilShutdownThenEnds() throws Exception {
        CountingBody body = new CountingBody(3);
        LoopThread loop = new LoopThread("Shell-7", 1, body);
        assertEquals("Shell-7", loop.getName());
        loop.start();
        assertTrue(body.awaitRuns());
        stopAndJoin(loop);
        assertFalse(loop.isAlive());
        int after = body.runs.get();
        Thread.sleep(20);
        assertEquals(after, body.runs.get(), "no run after the loop ended");
    }

    @Test
    void anInterruptDuringTheSleepEndsTheLoop() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        LoopThread loop = new LoopThread("Heartbeat-0", 60_000, ran::countDown);
        loop.start();
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        loop.interrupt();
        loop.join(10_000);
        assertFalse(loop.isAlive());
    }

    @Test
    void aSecondStartThrowsAndDoesNotReviveAStoppedLoop() throws Exception {
        CountingBody body = new CountingBody(1);
        LoopThread loop = new LoopThread("Control", 1, body);
        loop.start();
        assertTrue(body.awaitRuns());
        stopAndJoin(loop);
        int stopped = body.runs.get();
        assertThrows(IllegalThreadStateException.class, loop::start);
        Thread.sleep(20);
        assertEquals(stopped, body.runs.get());
        assertFalse(loop.isAlive());
    }

    /** A loop body that counts its runs; {@link #awaitRuns} waits for the first {@code n} of them. */
    private static final class CountingBody implements Runnable {
        private final AtomicInteger runs = new AtomicInteger();
        private final CountDownLatch reached;

        CountingBody(int n) {
            reached = new CountDownLatch(n);
        }

        @Override
        public void run() {
            runs.incrementAndGet();
            reached.countDown();
        }

        boolean awaitRuns() throws InterruptedException {
            return reached.await(10, TimeUnit.SECONDS);
        }
    }

    private static void stopAndJoin(LoopThread loop) throws InterruptedException {
        loop.shutdown();
        loop.join(10_000);
    }

    /** Same class modifiers, superclass, fields, constructors and methods as the kernel jar's LoopThread. */
    @Test
    void hasTheSameShapeAsTheKernelJarsClass() throws Exception {
        URL jar = KernelJar.locate().toUri().toURL();
        try (URLClassLoader kernel = new URLClassLoader(new URL[] {jar}, null)) {
            Class<?> original = Class.forName(LoopThread.class.getName(), false, kernel);
            assertEquals(original.getModifiers(), LoopThread.class.getModifiers());
            assertEquals(original.getSuperclass(), LoopThread.class.getSuperclass());
            assertEquals(shape(original), shape(LoopThread.class));
        }
    }

    private static List<String> shape(Class<?> type) {
        return Stream.of(Arrays.stream(type.getDeclaredFields())
                        .map(f -> describe(f) + " " + f.getType().getName()),
                Arrays.stream(type.getDeclaredConstructors())
                        .map(c -> describe(c) + Arrays.toString(c.getParameterTypes())),
                Arrays.stream(type.getDeclaredMethods()).filter(m -> !m.isSynthetic())
                        .map(m -> describe(m) + Arrays.toString(m.getParameterTypes()) + " " + m.getReturnType()))
                .flatMap(s -> s).sorted().toList();
    }

    private static String describe(Member member) {
        return Modifier.toString(member.getModifiers()) + " " + member.getName();
    }
}
