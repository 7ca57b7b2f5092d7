package org.ecgleadlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes every {@code notebooks/*.ipynb} headless ({@code jupyter nbconvert --execute}) in the project kernel,
 * installed into a temporary Jupyter path, and fails on any cell error or on a notebook that shows no image.
 * Without Jupyter it is skipped locally, but fails when {@code CI=true} ({@code .ci/run} installs Jupyter).
 */
class NotebookExecutionTest {
    /** Per cell: the chapter notebooks train and rank on 2 CPU cores. */
    private static final int CELL_TIMEOUT_S = 900;
    private static final int NOTEBOOK_TIMEOUT_MIN = 40;
    /**
     * A safety net only. Kernel starts that never answered Jupyter (3 of 8 starts in one CI run) came from a start-up
     * race in rapaio-jupyter-kernel 3.0.1's LoopThread, now replaced by a corrected class ({@link KernelStartTest}
     * checks 20 starts under load). Should a start still never answer, it is abandoned after
     * {@value JupyterForTests#KERNEL_READY_S} s and tried again, up to this many starts, and the retry is logged; any
     * other failure is final.
     */
    private static final int KERNEL_STARTS = 4;

    @TempDir
    Path jupyterHome;

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsWithoutErrorsAndShowsAnImage() throws Exception {
        JupyterForTests.require(List.of("jupyter", "nbconvert", "--version"),
                "Jupyter (Debian: " + JupyterForTests.DEBIAN_JUPYTER + ") to execute the notebooks");
        JupyterForTests.installKernel(jupyterHome);
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(ProjectPaths.root().resolve("notebooks"))) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
            notebooks = notebooks.stream().filter(NotebookExecutionTest::selected).toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks/*.ipynb found under " + ProjectPaths.root());
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(notebook.getFileName().toString(),
                () -> checkExecuted(execute(notebook), notebook)));
    }

    /** Runs nbconvert on one notebook and returns the executed copy. */
    private Path execute(Path notebook) throws Exception {
        String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        Path outputDir = jupyterHome.resolve("executed");
        Path log = jupyterHome.resolve(name + ".log");
        // --allow-errors: the executed notebook is written even when a cell fails, so the check below can name the
        // cell and its error instead of showing nbconvert's Python traceback.
        List<String> command = List.of("jupyter", "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                "--ExecutePreprocessor.kernel_name=" + KernelInstaller.KERNEL_NAME,
                "--ExecutePreprocessor.timeout=" + CELL_TIMEOUT_S,
                "--ExecutePreprocessor.startup_timeout=" + JupyterForTests.KERNEL_READY_S,
                "--output-dir=" + outputDir, "--output=" + name, notebook.toString());
        for (int start = 1; ; start++) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(notebook.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            JupyterForTests.useJupyterHome(builder.environment(), jupyterHome);
            Process nbconvert = builder.start();
            nbconvert.getOutputStream().close();
            if (!nbconvert.waitFor(NOTEBOOK_TIMEOUT_MIN, TimeUnit.MINUTES)) {
                nbconvert.descendants().forEach(ProcessHandle::destroyForcibly);
                nbconvert.destroyForcibly().waitFor();
                fail(notebook.getFileName() + " did not finish in " + NOTEBOOK_TIMEOUT_MIN + " min:\n" + tail(log));
            }
            if (nbconvert.exitValue() == 0) {
                return outputDir.resolve(name + ".ipynb");
            }
            String output = Files.readString(log);
            boolean neverAnswered = output.contains("Kernel didn't respond")
                    || output.contains("Kernel died before replying to kernel_info");
            if (!neverAnswered || start == KERNEL_STARTS) {
                fail(notebook.getFileName() + ": jupyter nbconvert exited " + nbconvert.exitValue()
                        + (neverAnswered ? " (the kernel never answered or died at start, " + start + " starts)" : "") + ":\n"
                        + tail(log));
            }
            // Logged on purpose: with the corrected LoopThread this should not happen; if it does, it needs a look.
            System.err.println("WARNING: " + notebook.getFileName() + ": kernel start " + start + " of at most "
                    + KERNEL_STARTS + " never answered Jupyter (safety-net retry; see KernelStartTest):\n" + tail(log));
        }
    }

    /** The id the kernel's display(...) returns: a cell's value when display is its last expression. */
    private static final java.util.regex.Pattern DISPLAY_ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * Every code cell ran without an error output, at least one output is a PNG image, and no cell shows a display id
     * as its value (a stray Out[n] under a figure).
     */
    private static void checkExecuted(Path executed, Path notebook) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(executed)).getAsJsonObject();
        List<String> errors = new ArrayList<>();
        int images = 0;
        int cellNumber = 0;
        for (JsonElement cellElement : json.getAsJsonArray("cells")) {
            JsonObject cell = cellElement.getAsJsonObject();
            cellNumber++;
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            for (JsonElement outputElement : cell.getAsJsonArray("outputs")) {
                JsonObject output = outputElement.getAsJsonObject();
                String type = output.get("output_type").getAsString();
                if (type.equals("error")) {
                    errors.add("cell " + cellNumber + ": " + output.get("ename").getAsString() + ": "
                            + output.get("evalue").getAsString() + "\n" + traceback(output));
                }
                if ((type.equals("display_data") || type.equals("execute_result"))
                        && output.getAsJsonObject("data").has("image/png")) {
                    images++;
                }
                if (type.equals("execute_result") && DISPLAY_ID.matcher(output.getAsJsonObject("data").toString())
                        .find()) {
                    errors.add("cell " + cellNumber + ": shows a display id as its value; end the cell with a"
                            + " statement, e.g. { display(...); }");
                }
            }
        }
        assertTrue(errors.isEmpty(), notebook.getFileName() + " has cell errors:\n" + String.join("\n", errors));
        assertTrue(images > 0, notebook.getFileName() + " shows no image (no display_data with image/png)");
    }

    /** The error's traceback lines without the terminal colour codes kernels put into them. */
    private static String traceback(JsonObject error) {
        List<String> lines = new ArrayList<>();
        if (error.has("traceback")) {
            error.getAsJsonArray("traceback").forEach(line -> lines.add(line.getAsString()));
        }
        return String.join("\n", lines).replaceAll("\u001B\\[[0-9;]*m", "");
    }

    private static String tail(Path log) throws IOException {
        return JupyterForTests.tail(log, 60);
    }

    /**
     * Whether to run {@code notebook}: all of them, or with {@code -Dnotebooks=01,02} only those whose file name starts
     * with one of the given prefixes (to check one chapter without running the others).
     */
    private static boolean selected(Path notebook) {
        String only = System.getProperty("notebooks", "").strip();
        return only.isEmpty() || java.util.Arrays.stream(only.split(",")).map(String::strip)
                .anyMatch(prefix -> notebook.getFileName().toString().startsWith(prefix));
    }
}
