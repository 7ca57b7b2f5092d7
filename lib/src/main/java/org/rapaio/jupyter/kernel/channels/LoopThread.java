package org.rapaio.jupyter.kernel.channels;

/**
 * A corrected copy of rapaio-jupyter-kernel 3.0.1's {@code LoopThread}, the thread that polls the heartbeat, control
 * and shell sockets. The kernel's class path lists this class before the kernel jar (see
 * {@code org.ecgleadlab.notebook.KernelInstaller}), so the JVM loads it instead of the jar's; the jar is neither sealed
 * nor signed, which allows that.
 *
 * <p>Why: 3.0.1's {@code start()} calls {@code super.start()} and only then sets {@code running = true}, while
 * {@code run()} is {@code while (running) ...}. When the new thread reads the flag before the starting thread sets it
 * (common on a busy 2-core machine), its loop ends at once, silently: a lost shell loop leaves a kernel whose sockets
 * are bound but that never answers {@code kernel_info} ("Kernel didn't respond"); losing every loop leaves only daemon
 * threads and the JVM exits ("Kernel died before replying"). Measured on this project: 5 of 30 starts under two busy
 * loops hung, each with one loop thread fewer than a healthy kernel. Here the flag is set before the thread starts.
 *
 * <p>Everything else is the 3.0.1 class as {@code javap -c -p} shows it: same fields, constructor and methods; the body
 * runs, then sleeps {@code sleep} ms; an interrupt during the sleep ends the loop; an exception from the body ends the
 * thread; {@code shutdown()} clears the flag. This class must only use the JDK: it runs on the kernel's class path,
 * where lib and its dependencies are absent. See {@code docs/upstream/rapaio-kernel-loopthread.md}.
 */
public final class LoopThread extends Thread {
    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    /**
     * Sets the flag, then starts the thread (the fix). Only a new thread's flag is set: a second {@code start()} throws
     * as {@link Thread#start()} does and, as in 3.0.1, cannot revive a loop that {@link #shutdown()} stopped.
     */
    @Override
    public synchronized void start() {
        if (getState() == State.NEW) {
            running = true;
        }
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
