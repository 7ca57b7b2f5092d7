package org.ecgleadlab.report;

import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ecgleadlab.util.ProgressOutput;

/**
 * Progress bars in one style for the whole toolkit: task name, count and unit, speed and ETA, printed to stderr so
 * stdout stays clean for tables. Use in try-with-resources:
 * <pre>{@code
 * try (ProgressBar bar = Progress.bar("rank leads", exams, "exams")) {
 *     for (...) { ...; bar.step(); }
 * }
 * }</pre>
 * On a terminal the bar redraws in place; where stderr is not one (a log file, CI, a notebook cell) each bar prints
 * plain lines instead (a start line, a few percentage lines, a final line with the time), so logs hold no
 * carriage-return frames: {@link ProgressOutput} decides, for the synthetic generator too. Quiet mode (tests,
 * notebooks) keeps the same objects but renders nothing; it is on when the system property
 * {@value #QUIET_PROPERTY} is {@code true}, the environment variable {@value #QUIET_ENV} is {@code 1}/{@code true},
 * or {@link #setQuiet(boolean)} was called with {@code true}.
 */
public final class Progress {
    /** System property that silences every bar ({@code -Decgleadlab.quiet=true}). */
    public static final String QUIET_PROPERTY = "ecgleadlab.quiet";
    /** Environment variable that silences every bar ({@code ECGLEADLAB_QUIET=1}). */
    public static final String QUIET_ENV = "ECGLEADLAB_QUIET";

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
        } else {
            ProgressOutput.toStderr(builder, task, unit);
        }
        return builder;
    }

    /** Whether stderr is a terminal, where a bar redraws itself ({@link ProgressOutput#stderrIsTerminal()}). */
    public static boolean onTerminal() {
        return ProgressOutput.stderrIsTerminal();
    }

    /** Wraps an iterable so iterating it advances a bar of {@code total} items; the bar closes when iteration ends. */
    public static <T> Iterable<T> wrap(Iterable<T> items, String task, long total, String unit) {
        return ProgressBar.wrap(items, builder(task, total, unit));
    }
}
