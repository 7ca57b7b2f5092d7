package org.ecgleadlab.notebook;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** What the notebook tests share: finding Jupyter, skipping without it (failing under CI), a private Jupyter home. */
final class JupyterForTests {
    /** The Debian packages {@code .ci/run} installs for the notebook tests. */
    static final String DEBIAN_JUPYTER = "jupyter-nbconvert jupyter-client python3-nbclient";
    /**
     * Seconds a kernel start may take to answer Jupyter: a healthy start answers well within it on a busy machine; one
     * whose loops ended before they began (the start-up race {@code KernelStartTest} checks) never answers.
     */
    static final int KERNEL_READY_S = 60;

    private JupyterForTests() {
    }

    /**
     * Runs {@code command} (e.g. {@code jupyter nbconvert --version}); if it fails, skips the test, or fails it when
     * {@code CI=true}, naming what to install.
     */
    static void require(List<String> command, String install) {
        String problem = null;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                problem = "`" + String.join(" ", command) + "` failed";
            }
        } catch (IOException e) {
            problem = "`" + command.get(0) + "` cannot be run (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while running " + command;
        }
        if (problem != null) {
            String fix = problem + ": install " + install + " (as .ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                fail(fix);
            }
            Assumptions.abort("skipped: " + fix);
        }
    }

    /**
     * The Python that runs the {@code jupyter} command on PATH (its {@code #!} line), so that a script of ours sees
     * the same jupyter_client; {@code python3} when that cannot be read.
     */
    static String jupyterPython() {
        Optional<Path> jupyter = onPath("jupyter");
        if (jupyter.isPresent()) {
            try {
                String first = Files.readAllLines(jupyter.get()).stream().findFirst().orElse("");
                if (first.startsWith("#!")) {
                    List<String> words = List.of(first.substring(2).trim().split("\\s+"));
                    boolean viaEnv = words.get(0).endsWith("/env") && words.size() > 1;
                    return viaEnv ? words.get(1) : words.get(0);
                }
            } catch (IOException | RuntimeException e) {
                // a binary launcher or an unreadable file: fall back to python3
            }
        }
        return "python3";
    }

    /** Points Jupyter's path, data, config and runtime folders into {@code home}, where the kernel was installed. */
    static void useJupyterHome(Map<String, String> env, Path home) {
        env.put("JUPYTER_PATH", home.resolve("share").resolve("jupyter").toString());
        env.put("JUPYTER_DATA_DIR", home.resolve("data").toString());
        env.put("JUPYTER_CONFIG_DIR", home.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
    }

    /**
     * Installs the project kernel under {@code home} (a Jupyter prefix) for this JVM's class path, less the jars that
     * are not lib's runtime ones (Spark, test libraries) when Maven wrote that list ({@code ecgleadlab.runtimeClasspath}).
     */
    static Path installKernel(Path home) {
        KernelClasspath classpath = KernelClasspath.ofThisJvm();
        String runtime = System.getProperty("ecgleadlab.runtimeClasspath");
        if (runtime != null && Files.isRegularFile(Path.of(runtime))) {
            classpath = classpath.keepingOnly(Path.of(runtime));
        }
        return KernelInstaller.install(JupyterPaths.prefixKernels(home), KernelJar.locate(), classpath,
                javaOfThisJvm());
    }

    static Path javaOfThisJvm() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The last {@code count} lines of a log, or "(no log)" when it was never written. */
    static String tail(Path log, int count) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no log)");
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
