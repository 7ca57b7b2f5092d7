package org.ecgleadlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ecgleadlab.model.DeviceLine;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelInstallerTest {
    @TempDir
    Path temp;

    @Test
    void writesAKernelspecWhoseClasspathHoldsLibAndItsDependencies() throws Exception {
        Path kernelJar = Files.writeString(temp.resolve("rapaio-jupyter-kernel-3.0.1.jar"), "kernel");
        KernelClasspath classpath = KernelClasspath.ofThisJvm();
        Path java = Path.of("/opt/jdk/bin/java");

        Path dir = KernelInstaller.install(temp.resolve("kernels"), kernelJar, classpath, java);

        assertEquals(temp.resolve("kernels").resolve("ecg-lead-lab").toAbsolutePath(), dir);
        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("ECG Lead Lab (Java)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        List<String> expected = new ArrayList<>(List.of(java.toString()));
        expected.addAll(KernelInstaller.jvmFlags(DeviceLine.nvidiaDriverLoaded()));
        expected.addAll(List.of("-cp", dir.resolve("launcher") + ":" + dir.resolve("rapaio-jupyter-kernel-3.0.1.jar"),
                dir.resolve("launcher/StartKernel.java").toString(), "{connection_file}"));
        assertEquals(expected, argv);
        assertTrue(argv.containsAll(List.of("-Dai.djl.offline=true", "-Djava.awt.headless=true")), argv.toString());
        assertTrue(Files.isRegularFile(dir.resolve("rapaio-jupyter-kernel-3.0.1.jar")), "kernel jar is copied in");
        try (var launcher = Files.walk(dir.resolve("launcher"))) {
            assertEquals(List.of(dir.resolve("launcher/StartKernel.java"),
                    dir.resolve("launcher/org/ecgleadlab/notebook/RapaioKernelLauncher.class"),
                    dir.resolve("launcher/org/rapaio/jupyter/kernel/channels/LoopThread.class")),
                    launcher.filter(Files::isRegularFile).sorted().toList(),
                    "the launcher and the corrected LoopThread alone, not lib, join the kernel jar, before it");
        }
        assertTrue(Files.readString(dir.resolve("launcher/StartKernel.java"))
                .contains("org.ecgleadlab.notebook.RapaioKernelLauncher.launch(args);"));

        JsonObject env = spec.getAsJsonObject("env");
        List<String> entries = Arrays.asList(env.get("RJK_CLASSPATH").getAsString().split(";"));
        assertTrue(entries.contains(classpath.libClasses().toString()), "lib's classes: " + entries);
        assertTrue(entries.stream().anyMatch(e -> e.endsWith("gson-2.13.2.jar")), "dependency jars: " + entries);
        assertTrue(entries.stream().anyMatch(e -> e.endsWith("pytorch-native-cpu-2.7.1-linux-x86_64.jar")),
                "libtorch for offline DJL: " + entries);
        assertEquals(dir.resolve("init.jshell").toString(), env.get("RJK_INIT_SCRIPT").getAsString());
    }

    @Test
    void theKernelHidesDjlsCudaProbeOnlyWithoutAnNvidiaDriver() {
        String cuda = "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error";
        assertTrue(KernelInstaller.jvmFlags(false).contains(cuda));
        assertFalse(KernelInstaller.jvmFlags(true).contains(cuda));
        assertTrue(KernelInstaller.jvmFlags(true).contains("-Dorg.slf4j.simpleLogger.log.io.jhdf=error"));
    }

    @Test
    void initScriptImportsLibAndTheLibrariesAndNothingElse() throws Exception {
        Path dir = KernelInstaller.install(temp, Files.writeString(temp.resolve("k.jar"), "k"),
                KernelClasspath.ofThisJvm(), Path.of("java"));
        List<String> lines = Files.readAllLines(dir.resolve("init.jshell"));
        assertTrue(lines.contains("import org.ecgleadlab.data.*;"), lines.toString());
        assertTrue(lines.contains("import org.ecgleadlab.notebook.*;"), lines.toString());
        assertTrue(lines.contains("import tech.tablesaw.api.*;"), lines.toString());
        assertTrue(lines.contains("import org.knowm.xchart.*;"), lines.toString());
        assertTrue(lines.contains("import ai.djl.ndarray.*;"), lines.toString());
        // The kernel compiles the file as one snippet: any statement among the imports stops it from starting.
        assertTrue(lines.stream().allMatch(l -> l.startsWith("import ") || l.startsWith("//")), lines.toString());
    }

    @Test
    void installingAgainReplacesTheWholeKernel() throws Exception {
        Path kernelJar = Files.writeString(temp.resolve("k.jar"), "k");
        Path dir = KernelInstaller.install(temp.resolve("kernels"), kernelJar, KernelClasspath.ofThisJvm(),
                Path.of("java"));
        Files.writeString(dir.resolve("stale.txt"), "left from an older install");

        Path again = KernelInstaller.install(temp.resolve("kernels"), kernelJar, KernelClasspath.ofThisJvm(),
                Path.of("java"));

        assertEquals(dir, again);
        assertFalse(Files.exists(again.resolve("stale.txt")));
        assertTrue(Files.isRegularFile(again.resolve("kernel.json")));
        try (var siblings = Files.list(temp.resolve("kernels"))) {
            assertEquals(List.of(again), siblings.toList(), "no staging folders are left behind");
        }
    }

    @Test
    void aLibJarIsCopiedIntoTheKernelSoClearingJbangsCacheKeepsItWorking() throws Exception {
        Path libJar = temp.resolve("install-kernel.jar");
        try (ZipOutputStream jar = new ZipOutputStream(Files.newOutputStream(libJar))) {
            for (String entry : List.of("install_kernel.class", "org/ecgleadlab/data/Lead.class",
                    "org/ecgleadlab/explain/FusedRanking.class", "org/ecgleadlab/explain/FusedRanking$Row.class")) {
                jar.putNextEntry(new ZipEntry(entry));
                jar.closeEntry();
            }
        }
        KernelClasspath fromJbang = new KernelClasspath(libJar, List.of(libJar));
        assertEquals(List.of("org.ecgleadlab.data", "org.ecgleadlab.explain"), fromJbang.libPackages());

        Path dir = KernelInstaller.install(temp.resolve("kernels"), Files.writeString(temp.resolve("k.jar"), "k"),
                fromJbang, Path.of("java"));
        Path copy = dir.resolve("ecg-lead-lab.jar");
        assertTrue(Files.isRegularFile(copy));
        JsonObject env = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject()
                .getAsJsonObject("env");
        assertEquals(copy.toString(), env.get("RJK_CLASSPATH").getAsString());
    }

    @Test
    void rejectsAClasspathEntryThatContainsTheSeparator() {
        EcgLabException error = assertThrows(EcgLabException.class,
                () -> KernelInstaller.rjkClasspath(List.of(Path.of("/a;b/x.jar"))));
        assertTrue(error.getMessage().contains("/a;b/x.jar"), error.getMessage());
        assertEquals("/a.jar;/b.jar", KernelInstaller.rjkClasspath(List.of(Path.of("/a.jar"), Path.of("/b.jar"))));
    }

    @Test
    void kernelsGoWhereJupyterLooksForThem() {
        Path home = Path.of("/home/ana");
        assertEquals(Path.of("/home/ana/.local/share/jupyter/kernels"),
                JupyterPaths.userKernels(Map.of(), "Linux", home));
        assertEquals(Path.of("/xdg/jupyter/kernels"),
                JupyterPaths.userKernels(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", home));
        assertEquals(Path.of("/data/kernels"),
                JupyterPaths.userKernels(Map.of("JUPYTER_DATA_DIR", "/data", "XDG_DATA_HOME", "/xdg"), "Linux", home));
        assertEquals(Path.of("/home/ana/Library/Jupyter/kernels"), JupyterPaths.userKernels(Map.of(), "Mac OS X", home));
        assertEquals(Path.of("/venv/share/jupyter/kernels"), JupyterPaths.prefixKernels(Path.of("/venv")));
    }

    @Test
    void theKernelJarLiesWhereMavenPutsIt() {
        assertEquals(Path.of("/repo/io/github/padreati/rapaio-jupyter-kernel/3.0.1/rapaio-jupyter-kernel-3.0.1.jar"),
                KernelJar.inRepository(Path.of("/repo")));
    }

    @Test
    void theTestKernelKeepsLibsRuntimeJarsAndClassFoldersButNotSpark() throws Exception {
        String runtime = System.getProperty("ecgleadlab.runtimeClasspath");
        assertTrue(runtime != null && Files.isRegularFile(Path.of(runtime)), "Maven writes " + runtime);
        KernelClasspath all = KernelClasspath.ofThisJvm();
        KernelClasspath kept = all.keepingOnly(Path.of(runtime));
        assertTrue(all.entries().stream().anyMatch(e -> e.toString().contains("spark-core")), "the runner has Spark");
        assertFalse(kept.entries().stream().anyMatch(e -> e.toString().contains("/org/apache/spark/")), "no Spark");
        assertTrue(kept.entries().contains(kept.libClasses()), "lib's classes");
        assertTrue(kept.entries().stream().anyMatch(e -> e.toString().contains("pytorch-engine")), "DJL stays");
        assertTrue(kept.entries().size() < all.entries().size() / 2, kept.entries().size() + " of " + all.entries().size());
    }
}
