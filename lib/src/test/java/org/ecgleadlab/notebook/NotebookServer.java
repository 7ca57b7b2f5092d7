package org.ecgleadlab.notebook;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A classic Jupyter Notebook server ({@code jupyter notebook}, Debian's 6.4) on 127.0.0.1 only, with a random token,
 * serving one folder and seeing only the kernels installed under a private Jupyter home. {@link #close()} stops it
 * and every process it started (its kernels).
 */
final class NotebookServer implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;
    private final String token = UUID.randomUUID().toString();

    private NotebookServer(Path jupyterHome, Path notebookDir, Duration startup) throws IOException,
            InterruptedException {
        port = freePort();
        log = jupyterHome.resolve("notebook-server.log");
        ProcessBuilder builder = new ProcessBuilder("jupyter", "notebook", "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--NotebookApp.port_retries=0", "--NotebookApp.token=" + token,
                "--notebook-dir=" + notebookDir, "--allow-root")
                .directory(notebookDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        JupyterForTests.useJupyterHome(builder.environment(), jupyterHome);
        process = builder.start();
        process.getOutputStream().close();
        awaitReady(startup);
    }

    /** Starts the server and waits until its REST API answers, at most {@code startup}. */
    static NotebookServer start(Path jupyterHome, Path notebookDir, Duration startup) throws IOException,
            InterruptedException {
        return new NotebookServer(jupyterHome, notebookDir, startup);
    }

    /** The page of {@code notebook} (a file name in the served folder), token included. */
    String notebookUrl(String notebook) {
        return "http://127.0.0.1:" + port + "/notebooks/" + notebook + "?token=" + token;
    }

    /** The server's last lines of output, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady(Duration startup) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status"))
                .header("Authorization", "token " + token).timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + startup.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("jupyter notebook exited with " + process.exitValue() + ":\n"
                        + logTail());
            }
            try {
                if (http.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("jupyter notebook did not answer within " + startup.toSeconds() + " s:\n"
                + logTail());
    }

    /** Stops the server (SIGTERM: it shuts its kernels down), then kills whatever of its processes is left. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : started) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
