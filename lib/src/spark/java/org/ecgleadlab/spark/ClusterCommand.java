package org.ecgleadlab.spark;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecgleadlab.util.ProjectPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./jbang spark cluster}: a standalone master and N workers on 127.0.0.1 until Ctrl-C or SIGTERM. */
@Command(name = "cluster", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start a real Spark standalone master and N workers on 127.0.0.1, each its own JVM, from the "
                + "Spark jars Maven resolved (no Spark download); print the master URL and the web UI; stop them "
                + "all on Ctrl-C or SIGTERM. Run jobs on it with ./jbang spark JOB --master URL (build the "
                + "application jar first: " + ApplicationJar.BUILD_COMMAND + ").")
final class ClusterCommand implements Callable<Integer> {
    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "workers (default: ${DEFAULT-VALUE})")
    private int workers;

    @Option(names = "--cores-per-worker", paramLabel = "N", defaultValue = "1",
            description = "cores each worker offers (default: ${DEFAULT-VALUE})")
    private int cores;

    @Option(names = "--worker-memory", paramLabel = "SIZE", defaultValue = "2g",
            description = "memory each worker offers its executors (default: ${DEFAULT-VALUE})")
    private String memory;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7077",
            description = "the master's port; 0 = any free one (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--webui-port", paramLabel = "PORT", defaultValue = "8080",
            description = "the master's web UI port; 0 = any free one (default: ${DEFAULT-VALUE})")
    private int webUiPort;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "the cluster's folder: Spark home, logs, the workers' work folders (default: runs/spark-cluster)")
    private Path workDir;

    @Override
    public Integer call() throws InterruptedException {
        Path folder = workDir != null ? workDir : ProjectPaths.runs().resolve("spark-cluster");
        LoopbackCluster cluster = LoopbackCluster.start(
                new LoopbackCluster.Config(workers, cores, memory, port, webUiPort, folder));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-spark-cluster"));
        System.out.printf("Spark master %s (%d workers × %d cores), web UI %s, logs in %s%n", cluster.masterUrl(),
                workers, cores, cluster.webUi(), folder.toAbsolutePath().normalize());
        System.out.printf("run a job on it: ./jbang spark rank-leads --master %s   (Ctrl-C stops the cluster)%n",
                cluster.masterUrl());
        System.out.flush();
        Thread.currentThread().join(); // until Ctrl-C / SIGTERM; the shutdown hook stops the processes
        return 0;
    }
}
