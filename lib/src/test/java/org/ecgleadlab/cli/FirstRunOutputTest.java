package org.ecgleadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.ecgleadlab.data.synthetic.GeneratedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees from {@code predict} in a fresh JVM, as {@code ./jbang predict} runs it: one "device: ..." line
 * and none of DJL's CUDA-probe warnings, libtorch's AutoNonVariableTypeMode note or INFO lines; with
 * {@code --verbose} libtorch's note is back, which shows that the quiet run hides it rather than never meeting it.
 * libtorch writes that note from native code to the process's stderr, so only a child process can show it. The child
 * runs on lib's class path without the test resources, whose logging settings would hide DJL's warnings themselves.
 */
class FirstRunOutputTest {
    private static final String DEPRECATION = "AutoNonVariableTypeMode";
    private static final String CUDA_PROBE = "Failed to detect GPU count";

    @TempDir
    static Path temp;
    static Path data;

    @BeforeAll
    static void tinyDataset() {
        data = GeneratedData.tiny(temp, 16, 1, 1).code15();
    }

    @Test
    void predictPrintsOneDeviceLineAndNoLibraryNoise() throws Exception {
        String printed = predict("quiet");
        List<String> deviceLines = printed.lines().filter(l -> l.startsWith("device: ")).toList();
        assertEquals(1, deviceLines.size(), printed);
        assertTrue(deviceLines.get(0).matches("device: (cpu|gpu:0) \\(auto: .+\\)"), deviceLines.get(0));
        assertFalse(printed.contains(CUDA_PROBE), printed);
        assertFalse(printed.contains(DEPRECATION), printed);
        assertFalse(printed.contains(" INFO "), printed);
    }

    @Test
    void verboseShowsTheLibrariesMessagesAgain() throws Exception {
        String printed = predict("verbose", "--verbose");
        // libtorch's AutoNonVariableTypeMode note came from DJL's NDArray.set(Buffer), which loading a checkpoint no
        // longer calls (model.InPlaceCopy); DJL's own INFO lines are the libraries' messages that remain
        assertTrue(printed.contains(" INFO ai.djl"), printed);
        assertEquals(1, printed.lines().filter(l -> l.startsWith("device: ")).count(), printed);
    }

    /** Runs {@code predict} on the tiny dataset in a child JVM; returns its stdout and stderr together. */
    private static String predict(String name, String... options) throws Exception {
        Path main = temp.resolve("RunPredict.java");
        Files.writeString(main, "class RunPredict { public static void main(String[] args) {"
                + " org.ecgleadlab.cli.Cli.main(new org.ecgleadlab.cli.PredictCommand(), args); } }\n");
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dai.djl.offline=true",
                "-Decgleadlab.quiet=true", "-cp", classpath, main.toString(),
                data.toString(), "--output", temp.resolve(name + ".csv").toString()));
        command.addAll(List.of(options));
        Path log = temp.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("ECGLAB_VERBOSE");
        builder.environment().remove("TORCH_CPP_LOG_LEVEL");
        Process child = builder.start();
        child.getOutputStream().close();
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly().waitFor();
            throw new AssertionError("predict did not finish in 5 min:\n" + Files.readString(log));
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), printed);
        return printed;
    }
}
