package org.ecgleadlab.train;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import org.ecgleadlab.report.Progress;

/**
 * Training progress on stderr: one bar per epoch counting exams, with running loss, speed (exams/s) and ETA,
 * then one summary line per epoch with learning rate, validation loss, macro F1, time and memory.
 */
public final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;
    private ProgressBar bar;
    private int epochs;
    private int trainExams;
    private double lossSum;
    private long lossExams;
    private long cpuAtEpochStart;

    /** Progress printed to {@code System.err}. */
    public ConsoleProgress() {
        this(System.err);
    }

    /** Progress whose summary lines go to {@code out} (bars follow {@link Progress}'s settings). */
    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void runStarted(TrainConfig config, int firstEpoch, int trainExams, int validationExams) {
        this.trainExams = trainExams;
        out.printf(Locale.ROOT, "%s %d–%d of %d: %d training / %d validation exams, %s input, %d channels → %s%n",
                firstEpoch > 1 ? "Resuming epochs" : "Training epochs", firstEpoch, config.epochs(), config.epochs(),
                trainExams, validationExams, config.leadDropout() ? config.trainingDropout().describe()
                        : config.input().transform(config.leads()).describe(),
                config.inputChannels(), config.output());
    }

    @Override
    public void epochStarted(int epoch, int epochs, long batches) {
        this.epochs = epochs;
        lossSum = 0;
        lossExams = 0;
        cpuAtEpochStart = processCpuNanos();
        bar = Progress.bar(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs), trainExams, "exams");
    }

    @Override
    public void batchFinished(int epoch, long batch, int exams, double loss, double learningRate) {
        lossSum += loss * exams;
        lossExams += exams;
        bar.stepBy(exams);
        // the running loss only: a longer message is cut on an 80-column line; the rate is in the epoch summary
        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", lossSum / lossExams));
    }

    @Override
    public void epochFinished(EpochRecord record, boolean best) {
        bar.close();
        Runtime runtime = Runtime.getRuntime();
        long heapMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        double cpuSeconds = (processCpuNanos() - cpuAtEpochStart) / 1e9;
        out.printf(Locale.ROOT, "epoch %d/%d  train loss %.4f  val loss %.4f  val macro F1 %.4f  lr %.2e  %.1f s"
                        + " (cpu %.1f s)  heap %d MB  rss %s%s%n", record.epoch(), epochs, record.trainLoss(),
                record.valLoss(), record.valMacroF1(), record.learningRate(), record.seconds(), cpuSeconds, heapMb,
                residentMemory(), best ? "  (best so far)" : "");
    }

    /**
     * CPU time of the whole process (all threads): divided by the cores it had, it tells how long an epoch
     * takes on an otherwise idle machine when the wall time was stretched by other processes.
     */
    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The process's resident memory ("812 MB"), which counts libtorch's native tensors that the Java heap does
     * not: flat across epochs when no NDArray leaks. "n/a" where {@code /proc} is missing.
     */
    static String residentMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return (kb >> 10) + " MB";
                }
            }
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
        return "n/a";
    }
}
