package org.ecgleadlab.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.PredictCommand;
import org.ecgleadlab.cli.RankLeadsCommand;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.metrics.Predictions;
import org.ecgleadlab.metrics.PredictionsFile;
import org.ecgleadlab.model.Devices;
import org.ecgleadlab.util.EcgLabException;

/**
 * {@code spark bench}: strong scaling of {@code predict} and {@code rank-leads}, each run as the very command a user
 * runs ({@code PredictCommand}, {@code RankLeadsCommand}, in this JVM or with {@link SparkScorer} /
 * {@link SparkAnalyser} on a fresh {@link SparkRunner}), timed from the command's start to its end (Spark's session
 * start and stop included; JVM start and class loading not: one untimed warm-up of both paths runs first), then
 * compared with the single-JVM run's output.
 */
final class SparkBench {
    static final List<String> JOBS = List.of("predict", "rank-leads");

    /**
     * What to run.
     *
     * @param data   predict's DATA (a folder predict reads)
     * @param exams  rank-leads' --exams, run with --bootstrap 0
     * @param rankData rank-leads' --data; empty: its default test pool
     * @param modes  where, in order
     * @param jobs   which jobs, in order
     * @param conf   Spark settings for every Spark mode (tests: the UI off)
     * @param folder each run's output goes to {@code folder/JOB-MODE}
     */
    record Config(Path data, int exams, List<Path> rankData, List<ScalingMode> modes, List<String> jobs,
                  Map<String, String> conf, Path folder) {
        Config {
            rankData = List.copyOf(rankData);
            modes = List.copyOf(modes);
            jobs = List.copyOf(jobs);
            conf = Map.copyOf(conf);
            for (String job : jobs) {
                if (!JOBS.contains(job)) {
                    throw new EcgLabException("--jobs: '" + job + "' is not measured here; use "
                            + String.join(",", JOBS));
                }
            }
        }
    }

    private final Config config;

    SparkBench(Config config) {
        this.config = config;
    }

    /** Runs every job in every mode (a loopback cluster started for each cluster mode, untimed). */
    List<ScalingRow> run() {
        if (config.modes().stream().anyMatch(ScalingMode::cluster) && !config.conf().containsKey("spark.jars")) {
            ApplicationJar.require(); // one line before minutes of measuring, not after the single JVM's runs
        }
        warmUp();
        List<ScalingRow> rows = new ArrayList<>();
        for (ScalingMode mode : config.modes()) {
            if (mode.cluster()) {
                try (LoopbackCluster cluster = LoopbackCluster.start(new LoopbackCluster.Config(mode.workers(), 1,
                        "2g", 0, 0, config.folder().resolve(mode.name() + "-processes")))) {
                    for (String job : config.jobs()) {
                        rows.add(measure(job, mode, cluster.masterUrl()));
                    }
                }
            } else {
                for (String job : config.jobs()) {
                    rows.add(measure(job, mode, mode.single() ? "-" : mode.localMaster()));
                }
            }
        }
        return compared(rows);
    }

    /** libtorch, the model and Spark's classes loaded once, so no mode pays for them alone. */
    private void warmUp() {
        Path folder = config.folder().resolve("warm-up");
        List<String> args = rankLeads(List.of("--exams", "1", "--bootstrap", "0", "--methods", "output,ig",
                "--ig-steps", "4"));
        run(new RankLeadsCommand(), with(args, "-o", folder.resolve("single").toString()), "warm-up");
        try (SparkRunner spark = new SparkRunner(new SparkOptions("local[1]", config.conf(), null), "bench")) {
            run(new RankLeadsCommand(new SparkAnalyser(spark)), with(args, "-o", folder.resolve("spark").toString()),
                    "warm-up");
        }
    }

    private ScalingRow measure(String job, ScalingMode mode, String master) {
        Path out = output(job, mode);
        List<String> args = job.equals("predict") ? List.of(config.data().toString(), "-o", out.toString())
                : rankLeads(List.of("--exams", Integer.toString(config.exams()), "--bootstrap", "0", "-o",
                        out.toString()));
        long start = System.nanoTime();
        int cores;
        if (mode.single()) {
            run(job.equals("predict") ? new PredictCommand() : new RankLeadsCommand(), args, job + " " + mode.name());
            cores = Devices.intraOpThreads();
        } else {
            try (SparkRunner spark = new SparkRunner(new SparkOptions(master, config.conf(), null), "bench")) {
                run(job.equals("predict") ? new PredictCommand(new SparkScorer(spark))
                        : new RankLeadsCommand(new SparkAnalyser(spark)), args, job + " " + mode.name());
                cores = spark.context().defaultParallelism();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ScalingRow(job, mode.name(), master, cores, exams(job, out), seconds, null, Double.NaN);
    }

    /** Each row with its agreement with the single JVM's run of the same job. */
    private List<ScalingRow> compared(List<ScalingRow> rows) {
        Map<String, ScalingRow> single = new HashMap<>();
        rows.stream().filter(r -> r.mode().equals(ScalingMode.SINGLE)).forEach(r -> single.put(r.job(), r));
        List<ScalingRow> compared = new ArrayList<>();
        for (ScalingRow row : rows) {
            ScalingRow base = single.get(row.job());
            if (base == null) {
                compared.add(row);
                continue;
            }
            Path a = output(row.job(), ScalingMode.parse(base.mode()));
            Path b = output(row.job(), ScalingMode.parse(row.mode()));
            boolean predict = row.job().equals("predict");
            boolean sameOrder = predict ? samePredictionOrder(a, b) : sameRanking(a, b);
            double diff = !sameOrder ? Double.NaN : predict ? probabilityDiff(a, b) : scoreDiff(a, b);
            compared.add(new ScalingRow(row.job(), row.mode(), row.master(), row.cores(), row.exams(),
                    row.wallSeconds(), sameOrder, diff));
        }
        return compared;
    }

    private Path output(String job, ScalingMode mode) {
        Path folder = config.folder().resolve(job + "-" + mode.name());
        return job.equals("predict") ? folder.resolve(PredictCommand.PREDICTIONS_FILE) : folder;
    }

    private static int exams(String job, Path out) {
        return job.equals("predict") ? PredictionsFile.read(out).size()
                : RankingFile.read(out.resolve(RankingFile.FILE_NAME)).exams();
    }

    private static boolean samePredictionOrder(Path a, Path b) {
        return java.util.Arrays.equals(PredictionsFile.read(a).examIds(), PredictionsFile.read(b).examIds());
    }

    private static double probabilityDiff(Path a, Path b) {
        Predictions x = PredictionsFile.read(a);
        Predictions y = PredictionsFile.read(b);
        double max = 0;
        for (int i = 0; i < x.size(); i++) {
            for (int c = 0; c < x.probabilities()[i].length; c++) {
                max = Math.max(max, Math.abs(x.probabilities()[i][c] - y.probabilities()[i][c]));
            }
        }
        return max;
    }

    private static boolean sameRanking(Path a, Path b) {
        return RankingFile.read(a.resolve(RankingFile.FILE_NAME)).order()
                .equals(RankingFile.read(b.resolve(RankingFile.FILE_NAME)).order());
    }

    private static double scoreDiff(Path a, Path b) {
        RankingFile x = RankingFile.read(a.resolve(RankingFile.FILE_NAME));
        RankingFile y = RankingFile.read(b.resolve(RankingFile.FILE_NAME));
        return x.finalScores().entrySet().stream().mapToDouble(e -> Math.abs(e.getValue()
                - y.finalScores().get(e.getKey())) / Math.max(Math.abs(e.getValue()), 1e-12)).max().orElse(0);
    }

    private static void run(Object command, List<String> args, String what) {
        int code = Cli.run(command, Map.of(), args.toArray(String[]::new));
        if (code != 0) {
            throw new EcgLabException("bench: " + what + " ended with exit code " + code + " (its error is above)");
        }
    }

    /** rank-leads' arguments with --data when the config gives one. */
    private List<String> rankLeads(List<String> args) {
        return config.rankData().isEmpty() ? args : with(args, "--data", String.join(",",
                config.rankData().stream().map(Path::toString).toList()));
    }

    private static List<String> with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }
}
