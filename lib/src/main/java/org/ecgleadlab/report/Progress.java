package org.ecgleadlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars in one style for the whole toolkit: task name, count and unit, speed and ETA, printed to stderr so
 * stdout stays clean for tables. Use in try-with-resources:
 * <pre>{@code
 * try (ProgressBar bar = Progress.bar("rank leads", exams, "exams")) {
 *     for (...) { ...; bar.step(); }
 * }
 * }</pre>
 * On a terminal the bar redraws in place; where stderr is not one (a log file, CI, a notebook cell) each bar prints
 * plain lines instead ({@link PlainProgress}: a start line, a few percentage lines, a final line with the time), so
 * logs hold no carriage-return frames. Quiet mode (tests, notebooks) keeps the same objects but renders nothing; it is on when the system property
 * {@value #QUIET_PROPERTY} is {@code true}, the environment variable {@value #QUIET_ENV} is {@code 1}/{@code true},
 * or {@link #setQuiet(boolean)} was called with {@code true}.
 */
public final class Progress {
    /** System property that silences every bar ({@code -Decgleadlab.quiet=true}). */
    public static final String QUIET_PROPERTY = "ecgleadlab.quiet";
    /** Environment variable that silences every bar ({@code ECGLEADLAB_QUIET=1}). */
    public static final String QUIET_ENV = "ECGLEADLAB_QUIET";

    private static final int UPDATE_INTERVAL_MS = 250;
    /** Plain lines are decided once a second: often enough for their minimum gap of a few seconds. */
    private static final int PLAIN_UPDATE_INTERVAL_MS = 1000;
    /** Quiet bars still exist (callers step them) but redraw rarely, so they cost nothing. */
    private static final int QUIET_UPDATE_INTERVAL_MS = 60_000;

    private static volatile Boolean quietOverride;

    private Progress() {
    }

    /** Forces quiet mode on or off for this JVM, overriding the property and the environment. */
    public static void setQuiet(boolean quiet) {
        quietOverride = quiet;
    }

    /** Drops the {@link #setQuiet} override, so the property and environment decide again (tests use this). */
    static void clearQuietOverride() {
        quietOverride = null;
    }

    /** Whether bars are silenced: {@link #setQuiet}, else the property, else the environment variable. */
    public static boolean isQuiet() {
        Boolean override = quietOverride;
        if (override != null) {
            return override;
        }
        String property = System.getProperty(QUIET_PROPERTY);
        if (property != null) {
            return Boolean.parseBoolean(property);
        }
        String env = System.getenv(QUIET_ENV);
        return env != null && (env.equals("1") || env.equalsIgnoreCase("true"));
    }

    /**
     * A bar for {@code total} items counted in {@code unit} (e.g. "exams", "batches"); pass {@code total} ≤ 0 when the
     * total is unknown (an indefinite bar, no ETA). Close it (try-with-resources) to print the final line.
     */
    public static ProgressBar bar(String task, long total, String unit) {
        return builder(task, total, unit).build();
    }

    /** The configured builder, for callers that need one more option (e.g. {@code startsFrom} on resume). */
    public static ProgressBarBuilder builder(String task, long total, String unit) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total > 0 ? total : -1)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setMaxRenderedLength(100)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS);
        if (isQuiet()) {
            builder.setConsumer(new DelegatingProgressBarConsumer(line -> { }))
                    .setUpdateIntervalMillis(QUIET_UPDATE_INTERVAL_MS);
        } else if (onTerminal()) {
            // System.err (not the library's default, file descriptor 2) so redirections and notebook kernels see it;
            // cursor movement, so several bars can stack there.
            builder.setConsumer(new InteractiveConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(UPDATE_INTERVAL_MS);
        } else {
            PlainProgress plain = new PlainProgress(System.err, task, unit);
            builder.setRenderer(plain).setConsumer(plain).setUpdateIntervalMillis(PLAIN_UPDATE_INTERVAL_MS);
        }
        return builder;
    }

    /**
     * Whether stderr is a terminal, where a bar may redraw itself: the JVM has a console (stdin and stdout are
     * terminals), TERM is not "dumb", and where {@code /proc} tells, file descriptor 2 is a terminal device too
     * ({@code 2> log} with a console would otherwise fill the log with frames).
     */
    public static boolean onTerminal() {
        if (System.console() == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            String stderr = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return stderr.startsWith("/dev/pts/") || stderr.startsWith("/dev/tty") || stderr.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true; // no /proc (macOS, Windows): the console decides
        }
    }

    /** Wraps an iterable so iterating it advances a bar of {@code total} items; the bar closes when iteration ends. */
    public static <T> Iterable<T> wrap(Iterable<T> items, String task, long total, String unit) {
        return ProgressBar.wrap(items, builder(task, total, unit));
    }
}
