package org.ecgleadlab.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecgleadlab.util.EcgLabException;

/**
 * A real Spark standalone cluster on 127.0.0.1: one master and N workers, each its own JVM started from the jars of
 * this JVM's class path (Spark resolved by Maven or JBang; no Spark download). The workers launch executors only with
 * {@code SPARK_HOME} (a folder whose {@code jars/} links those jars) and {@code SPARK_SCALA_VERSION} set
 * (docs/spark.md). {@link #close} stops workers (and their executors) and master.
 */
public final class LoopbackCluster implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    /**
     * @param workers        workers to start
     * @param coresPerWorker cores each worker offers
     * @param workerMemory   memory each worker offers, e.g. {@code 2g}
     * @param port           master port, 0 for a free one
     * @param webUiPort      master web UI port, 0 for a free one
     * @param folder         Spark home, logs and work folders
     */
    public record Config(int workers, int coresPerWorker, String workerMemory, int port, int webUiPort, Path folder) {
        public Config {
            if (workers < 1 || coresPerWorker < 1) {
                throw new EcgLabException("--workers " + workers + " --cores-per-worker " + coresPerWorker
                        + ": give at least 1 of each");
            }
        }
    }

    private final Config config;
    private final int port;
    private final int webUiPort;
    private final List<Process> processes = new ArrayList<>();
    private Process master;
    private final List<Process> workers = new ArrayList<>();

    private LoopbackCluster(Config config, int port, int webUiPort) {
        this.config = config;
        this.port = port;
        this.webUiPort = webUiPort;
    }

    /** Starts the master, then the workers, and returns once every worker has registered. */
    public static LoopbackCluster start(Config config) {
        LoopbackCluster cluster = new LoopbackCluster(config, portOr(config.port()), portOr(config.webUiPort()));
        try {
            cluster.launch();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public String masterUrl() {
        return "spark://" + HOST + ":" + port;
    }

    public String webUi() {
        return "http://" + HOST + ":" + webUiPort;
    }

    /** The worker processes (a test kills one to see Spark re-run its tasks). */
    public List<Process> workers() {
        return List.copyOf(workers);
    }

    private void launch() {
        Path folder = config.folder().toAbsolutePath().normalize();
        Path sparkHome = linkJars(folder.resolve("spark-home"));
        master = spawn(folder.resolve("master.log"), sparkHome, "org.apache.spark.deploy.master.Master",
                "--host", HOST, "--port", Integer.toString(port), "--webui-port", Integer.toString(webUiPort));
        waitFor("the master to listen on " + masterUrl(), folder.resolve("master.log"), () -> listens(port));
        for (int i = 1; i <= config.workers(); i++) {
            workers.add(spawn(folder.resolve("worker-" + i + ".log"), sparkHome,
                    "org.apache.spark.deploy.worker.Worker", masterUrl(), "--host", HOST,
                    "--cores", Integer.toString(config.coresPerWorker()), "--memory", config.workerMemory(),
                    "--webui-port", Integer.toString(portOr(0)),
                    "--work-dir", folder.resolve("work-" + i).toString()));
        }
        waitFor(config.workers() + " workers to register with " + masterUrl(), folder.resolve("worker-1.log"),
                () -> aliveWorkers() >= config.workers());
    }

    /** {@code home/jars} holding a link to every jar of this JVM's class path. */
    private static Path linkJars(Path home) {
        Path jars = home.resolve("jars");
        try {
            Files.createDirectories(jars);
            try (Stream<Path> old = Files.list(jars)) {
                for (Path link : old.toList()) {
                    Files.delete(link);
                }
            }
            Set<String> names = new HashSet<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path jar = Path.of(entry).toAbsolutePath();
                if (entry.endsWith(".jar") && Files.isRegularFile(jar) && names.add(jar.getFileName().toString())) {
                    Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(home + ": cannot link the Spark jars there: " + e.getMessage(), e);
        }
        return home;
    }

    private Process spawn(Path log, Path sparkHome, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider", "-Dslf4j.internal.verbosity=WARN",
                "-cp", sparkHome.resolve("jars") + File.separator + "*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", HOST);
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass + ": " + e.getMessage(), e);
        }
    }

    private interface Check {
        boolean ready();
    }

    private void waitFor(String what, Path log, Check check) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.ready()) {
                return;
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                break;
            }
            sleep(250);
        }
        throw new EcgLabException("waited in vain for " + what + "; see " + log);
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int aliveWorkers() {
        try {
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(webUi() + "/json/")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher alive = ALIVE_WORKERS.matcher(page.body());
            return alive.find() ? Integer.parseInt(alive.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int portOr(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the workers (with the executors they started), then the master; waits for each to end. */
    @Override
    public synchronized void close() {
        List<Process> order = new ArrayList<>(workers);
        if (master != null) {
            order.add(master);
        }
        for (Process process : order) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        workers.clear();
        master = null;
    }
}
