package org.ecgleadlab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecgleadlab.util.AtomicFiles;

/**
 * {@value #FILE} in a run folder: one line each time the training loop starts epochs there, saying whether it began
 * afresh or resumed after a checkpointed epoch, and which process did it ({@code pid@host}). It is how a resumed
 * run shows it resumed (after a kill, or a Spark task re-run on another executor), and which process trains it now.
 */
public final class TrainingAttempts {
    public static final String FILE = "attempts.log";
    private static final Pattern RESUMED = Pattern.compile("resumed after epoch (\\d+)");
    private static final Pattern PROCESS = Pattern.compile(" by (\\d+)@");

    private TrainingAttempts() {
    }

    /** Appends the line of an attempt starting at {@code firstEpoch} (1: a fresh start). */
    static void record(Path runFolder, int firstEpoch) {
        String how = firstEpoch == 1 ? "started at epoch 1" : "resumed after epoch " + (firstEpoch - 1);
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + how + " by "
                + ManagementFactory.getRuntimeMXBean().getName() + "\n";
        AtomicFiles.writeString(runFolder.resolve(FILE), read(runFolder).stream()
                .map(l -> l + "\n").reduce("", String::concat) + line);
    }

    /** The lines of {@code runFolder}'s log, oldest first; empty when it has none. */
    public static List<String> read(Path runFolder) {
        Path file = runFolder.resolve(FILE);
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The epochs the attempts of {@code runFolder} resumed after, in order (empty: never resumed). */
    public static List<Integer> resumedAfter(Path runFolder) {
        return read(runFolder).stream().map(RESUMED::matcher).filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).toList();
    }

    /** The process id of the latest attempt, or -1 when none started yet. */
    public static long latestProcess(Path runFolder) {
        List<String> lines = read(runFolder);
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = PROCESS.matcher(lines.get(i));
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        return -1;
    }
}
