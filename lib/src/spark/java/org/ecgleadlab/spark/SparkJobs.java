package org.ecgleadlab.spark;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.cli.AdaptCommand;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.EvaluateCommand;
import org.ecgleadlab.cli.PredictCommand;
import org.ecgleadlab.cli.RankLeadsCommand;
import org.ecgleadlab.cli.ReproduceTablesCommand;
import org.ecgleadlab.cli.SubsetSearchCommand;
import org.ecgleadlab.util.Verbosity;

/**
 * {@code ./jbang spark <job> [--master URL] [--conf k=v]... [the job's own options]}: the single-JVM command of that
 * name, the same options and output, with its exams scored by Spark tasks; or {@code cluster}, a loopback standalone
 * cluster; or {@code bench}, the strong-scaling figures of those jobs.
 */
public final class SparkJobs {
    /** The jobs, in the order the usage line names them. */
    public static final List<String> JOBS = List.of("predict", "evaluate", "rank-leads", "adapt", "reproduce-tables",
            "subset-search", "cluster", "bench");

    /** The jobs whose tasks are the runs of a training grid, not groups of exams. */
    static final List<String> GRID_JOBS = List.of("adapt", "reproduce-tables");

    private SparkJobs() {
    }

    /** The entry point of {@code scripts/spark.java}. */
    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs one job and returns its exit code (0, or {@link Cli#USER_ERROR} for input the user must fix). */
    public static int run(String... args) {
        quietSparkLogs();
        if (args.length == 0 || !JOBS.contains(args[0])) {
            System.err.println("spark: error: " + (args.length == 0 ? "no job given" : "unknown job '" + args[0] + "'")
                    + "; use ./jbang spark JOB [--master URL] [--conf KEY=VALUE]... with JOB one of "
                    + String.join(", ", JOBS) + " (JOB --help shows its options)");
            return Cli.USER_ERROR;
        }
        String job = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (job.equals("cluster")) {
            return Cli.run(new ClusterCommand(), rest);
        }
        if (job.equals("bench")) {
            return Cli.run(new SparkBenchCommand(), rest);
        }
        if (Arrays.stream(rest).anyMatch(a -> a.equals("--threads") || a.startsWith("--threads="))) {
            System.err.println(job + ": error: --threads sets libtorch's threads of one JVM; on Spark each task gets "
                    + "as many as it has cores: use --conf spark.task.cpus=N");
            return Cli.USER_ERROR;
        }
        if ((GRID_JOBS.contains(job) || job.equals("subset-search")) && given(rest, "--exams-per-task")) {
            System.err.println(job + ": error: --exams-per-task sizes the tasks of predict, evaluate and rank-leads; "
                    + (job.equals("subset-search") ? "a subset search's task is a group of subsets over every exam"
                    : "a grid's task is one run (strategy x subset x seed)") + ": drop it");
            return Cli.USER_ERROR;
        }
        if ((GRID_JOBS.contains(job) || job.equals("subset-search")) && given(rest, "--format")) {
            System.err.println(job + ": error: --format is the format of predict's, evaluate's and rank-leads' "
                    + "per-exam rows; " + job + " writes its files as the single-JVM command: drop it");
            return Cli.USER_ERROR;
        }
        SparkOptions options = new SparkOptions();
        try (SparkRunner spark = new SparkRunner(options, job)) {
            ParquetOutput perExam = new ParquetOutput(spark, options);
            Object command = switch (job) {
                case "predict" -> new PredictCommand(new SparkScorer(spark), perExam);
                case "evaluate" -> new EvaluateCommand(new SparkScorer(spark), perExam);
                case "adapt" -> new AdaptCommand(new SparkGridRunner(spark));
                case "reproduce-tables" -> new ReproduceTablesCommand(new SparkGridRunner(spark));
                case "subset-search" -> new SubsetSearchCommand(new SparkSubsetRunner(spark));
                default -> new RankLeadsCommand(new SparkAnalyser(spark), perExam);
            };
            return Cli.run(command, Map.of("spark", options), rest);
        }
    }

    /** Whether {@code option} is among {@code args} ({@code --name value} or {@code --name=value}). */
    private static boolean given(String[] args, String option) {
        return Arrays.stream(args).anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
    }

    /**
     * Spark, Hadoop and Jetty log every step at INFO; through slf4j-simple that floods the console. Their warnings
     * stay; {@code --verbose} keeps everything. A level set with {@code -Dorg.slf4j.simpleLogger.log...} wins.
     */
    static void quietSparkLogs() {
        String level = Verbosity.verbose() ? "info" : "warn";
        for (String logger : List.of("org.apache.spark", "org.sparkproject", "org.apache.hadoop", "io.netty",
                "org.apache.parquet")) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, logger.equals("org.apache.hadoop") ? "error" : level);
            }
        }
        // "your hostname resolves to a loopback address; using <interface> instead": the job sets the driver's
        // address itself (127.0.0.1 for loopback masters), so the warning misleads
        String utils = "org.slf4j.simpleLogger.log.org.apache.spark.util.Utils";
        if (System.getProperty(utils) == null && !Verbosity.verbose()) {
            System.setProperty(utils, "error");
        }
    }
}
