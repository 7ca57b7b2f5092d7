package org.ecgleadlab.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Where a progress bar goes: redrawn in place when stderr is a terminal, plain lines ({@link PlainProgress}) where it
 * is not (a log file, CI, a notebook cell), so logs hold no carriage-return frames. Here rather than in
 * {@code report.Progress} so the lowest layers (the synthetic generator, run before any command's data exists) decide
 * the same way; {@code report.Progress} adds the toolkit's bar style and quiet mode on top.
 */
public final class ProgressOutput {
    private static final int TERMINAL_UPDATE_INTERVAL_MS = 250;
    /** Plain lines are decided once a second: often enough for their minimum gap of a few seconds. */
    private static final int PLAIN_UPDATE_INTERVAL_MS = 1000;

    private ProgressOutput() {
    }

    /** Sends {@code builder}'s bar to stderr: in place on a terminal, else as plain lines naming task and unit. */
    public static ProgressBarBuilder toStderr(ProgressBarBuilder builder, String task, String unit) {
        if (stderrIsTerminal()) {
            // System.err (not the library's default, file descriptor 2) so redirections and notebook kernels see it;
            // cursor movement, so several bars can stack there.
            return builder.setConsumer(new InteractiveConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(TERMINAL_UPDATE_INTERVAL_MS);
        }
        PlainProgress plain = new PlainProgress(System.err, task, unit);
        return builder.setRenderer(plain).setConsumer(plain).setUpdateIntervalMillis(PLAIN_UPDATE_INTERVAL_MS);
    }

    /**
     * Whether stderr is a terminal, where a bar may redraw itself: the JVM has a console (stdin and stdout are
     * terminals), TERM is not "dumb", and where {@code /proc} tells, file descriptor 2 is a terminal device too
     * ({@code 2> log} with a console would otherwise fill the log with frames).
     */
    public static boolean stderrIsTerminal() {
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
}
