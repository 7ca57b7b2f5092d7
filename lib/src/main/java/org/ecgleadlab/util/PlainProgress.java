package org.ecgleadlab.util;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * Progress where stderr is not a terminal (a log file, CI, a notebook cell): plain lines instead of carriage-return
 * frames. A start line, a line per {@value #STEP_PERCENT} % reached (at most one per {@value #MIN_GAP_SECONDS} s,
 * and one at least every {@value #MAX_GAP_SECONDS} s while work goes on), and a final line with the total time.
 * One object is the bar's renderer and its consumer: the renderer decides whether a frame is a line, the consumer
 * prints the lines and, on close, the final one.
 */
final class PlainProgress implements ProgressBarRenderer, ProgressBarConsumer {
    static final int STEP_PERCENT = 10;
    static final int MIN_GAP_SECONDS = 5;
    static final int MAX_GAP_SECONDS = 60;

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final Lines lines;
    private boolean finished;

    PlainProgress(PrintStream out, String task, String unit) {
        this(out, task, unit, System::nanoTime);
    }

    PlainProgress(PrintStream out, String task, String unit, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.lines = new Lines(task, unit, nanoClock.getAsLong());
    }

    /**
     * The line of this frame, printed by {@link #accept}; on the frame after {@code close()} (the bar no longer alive)
     * it prints the final line itself, and the start line first when the bar closed before its first frame: the bar
     * library calls {@link #close()} only when a frame preceded the closing one.
     */
    @Override
    public synchronized String render(ProgressState state, int maxLength) {
        long done = state.getCurrent() - state.getStart();
        long total = state.isIndefinite() ? -1 : state.getMax() - state.getStart();
        long now = nanoClock.getAsLong();
        if (state.isAlive()) {
            String line = lines.at(done, total, now);
            return line == null ? "" : line;
        }
        if (!finished) {
            finished = true;
            if (!lines.started()) {
                out.println(lines.at(done, total, now));
            }
            out.println(lines.finished(done, now));
            out.flush();
        }
        return "";
    }

    @Override
    public int getMaxRenderedLength() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void accept(String rendered) {
        if (!rendered.isEmpty()) {
            out.println(rendered);
        }
    }

    @Override
    public void close() {
        out.flush(); // the final line came with the closing frame
    }

    /** Which frames become lines, and their text; apart from the bar library so it can be tested with a fake clock. */
    static final class Lines {
        private final String task;
        private final String unit;
        private final long startNanos;
        private boolean started;
        private long lastLineNanos;
        private int lastStep;

        Lines(String task, String unit, long startNanos) {
            this.task = task;
            this.unit = unit.strip();
            this.startNanos = startNanos;
        }

        boolean started() {
            return started;
        }

        /** The line for {@code done} of {@code total} (≤ 0: unknown) at {@code nowNanos}, or null for none. */
        String at(long done, long total, long nowNanos) {
            if (!started) {
                started = true;
                lastLineNanos = nowNanos;
                return total > 0 ? String.format(Locale.ROOT, "%s: %d %s to go", task, total, unit)
                        : task + ": started";
            }
            double sinceLast = (nowNanos - lastLineNanos) / 1e9;
            int step = total > 0 ? (int) Math.min(100 / STEP_PERCENT, done * (100 / STEP_PERCENT) / total) : 0;
            boolean newStep = step > lastStep && step < 100 / STEP_PERCENT; // 100 % is the final line's
            if (sinceLast < MIN_GAP_SECONDS || !(newStep || sinceLast >= MAX_GAP_SECONDS)) {
                return null;
            }
            lastStep = Math.max(lastStep, step);
            lastLineNanos = nowNanos;
            return progress(done, total, nowNanos);
        }

        private String progress(long done, long total, long nowNanos) {
            double seconds = (nowNanos - startNanos) / 1e9;
            double rate = seconds > 0 ? done / seconds : 0;
            if (total <= 0) {
                return String.format(Locale.ROOT, "%s: %d %s, %.1f %s/s, %s", task, done, unit, rate, unit,
                        duration(seconds));
            }
            String eta = rate > 0 ? ", ETA " + duration((total - done) / rate) : "";
            return String.format(Locale.ROOT, "%s: %d%% (%d/%d %s, %.1f %s/s%s)", task, 100 * done / total, done,
                    total, unit, rate, unit, eta);
        }

        /** The last line: how many and how long. */
        String finished(long done, long nowNanos) {
            double seconds = (nowNanos - startNanos) / 1e9;
            return String.format(Locale.ROOT, "%s: done, %d %s in %s", task, done, unit, duration(seconds));
        }

        static String duration(double seconds) {
            Duration d = Duration.ofMillis(Math.round(seconds * 1000));
            if (d.toHours() > 0) {
                return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
            }
            if (d.toMinutes() > 0) {
                return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
            }
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
    }
}
