package org.ecgleadlab.notebook;

import com.google.gson.GsonBuilder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ecgleadlab.model.DeviceLine;
import org.ecgleadlab.util.AtomicFiles;
import org.ecgleadlab.util.EcgLabException;

/**
 * Registers the "ECG Lead Lab (Java)" Jupyter kernel: a folder {@code <kernels>/ecg-lead-lab} holding
 * {@code kernel.json}, the kernel jar, its {@link RapaioKernelLauncher} and corrected {@code LoopThread}, lib's
 * classes (a copy when they come as a jar) and {@code init.jshell}.
 * rapaio-jupyter-kernel reads the class path from {@code RJK_CLASSPATH} ({@code ;}-separated) and runs the file named
 * by {@code RJK_INIT_SCRIPT} before the first cell, so notebooks start with lib, DJL, Tablesaw and XChart imported.
 * Installing again replaces the folder whole, which is how the kernel picks up a changed lib.
 */
public final class KernelInstaller {
    /** The kernelspec's folder name, which notebooks name in their metadata. */
    public static final String KERNEL_NAME = "ecg-lead-lab";
    /** What Jupyter shows in its kernel list. */
    public static final String DISPLAY_NAME = "ECG Lead Lab (Java)";
    /**
     * The folder, inside the kernel folder, that holds {@link RapaioKernelLauncher}, the program calling it and the
     * corrected {@code LoopThread}; it comes before the kernel jar on the class path so that its LoopThread wins.
     */
    static final String LAUNCHER_DIR = "launcher";
    /** The kernel's program, run from source by {@code java}, inside {@link #LAUNCHER_DIR}. */
    static final String START_KERNEL = "StartKernel.java";
    /**
     * rapaio-jupyter-kernel's loop thread, corrected (lib/src/main/java/org/rapaio/...; why: see that class). Named,
     * not referenced, so that the JBang scripts that compile only {@code org/ecgleadlab/**} still build;
     * {@code install-kernel} compiles it too.
     */
    static final String LOOP_THREAD = "org.rapaio.jupyter.kernel.channels.LoopThread";
    /** The init script's file name inside the kernel folder. */
    public static final String INIT_SCRIPT = "init.jshell";

    /**
     * JVM flags of the kernel process: DJL never downloads (libtorch comes as a jar), AWT draws without a display, and
     * the libraries log only what helps, as in the commands ({@code Cli.quietLibraryLogs}): jhdf errors, DJL warnings,
     * and DJL's CUDA probe only on a machine with an NVIDIA driver (elsewhere its warning lands in the first cell
     * that loads the engine and says nothing).
     */
    static List<String> jvmFlags(boolean nvidiaDriver) {
        List<String> flags = new ArrayList<>(List.of("-Dai.djl.offline=true", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.log.io.jhdf=error", "-Dorg.slf4j.simpleLogger.log.ai.djl=warn"));
        if (!nvidiaDriver) {
            flags.add("-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error");
        }
        return flags;
    }

    /** Imports every notebook gets besides lib's own packages. */
    static final List<String> LIBRARY_IMPORTS = List.of(
            "ai.djl.Device", "ai.djl.ndarray.*", "ai.djl.ndarray.types.*",
            "tech.tablesaw.api.*",
            "org.knowm.xchart.*",
            "java.awt.image.BufferedImage", "java.nio.file.*");

    private KernelInstaller() {
    }

    /**
     * Installs (or replaces) the kernel under {@code kernelsDir} and returns its folder.
     *
     * @param kernelsDir a Jupyter {@code kernels} folder, see {@link JupyterPaths}
     * @param kernelJar  the rapaio-jupyter-kernel jar, see {@link KernelJar#locate()}
     * @param classpath  lib's classes and dependencies
     * @param java       the {@code java} executable that runs the kernel (Java 17+)
     */
    public static Path install(Path kernelsDir, Path kernelJar, KernelClasspath classpath, Path java) {
        Path target = kernelsDir.toAbsolutePath().resolve(KERNEL_NAME);
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), "." + KERNEL_NAME + "-new-");
            try {
                Path kernelJarCopy = copyInto(staging, kernelJar, kernelJar.getFileName().toString());
                List<Path> entries = new ArrayList<>();
                for (Path entry : classpath.entries()) {
                    // A jar of lib (JBang's build of the script, kept in its cache) is copied, so that clearing that
                    // cache does not break the kernel; a classes folder is a developer build and stays where it is.
                    boolean libJar = entry.equals(classpath.libClasses()) && Files.isRegularFile(entry);
                    entries.add(libJar ? target.resolve(copyInto(staging, entry, "ecg-lead-lab.jar").getFileName())
                            : entry);
                }
                writeLauncher(staging.resolve(LAUNCHER_DIR));
                AtomicFiles.writeString(staging.resolve(INIT_SCRIPT), initScript(classpath.libPackages()));
                AtomicFiles.writeString(staging.resolve("kernel.json"),
                        kernelJson(target, target.resolve(kernelJarCopy.getFileName()), entries, java));
                makeReadableByAll(staging);
                replace(staging, target);
            } finally {
                deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not install the kernel into " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /**
     * The start-up imports. rapaio-jupyter-kernel compiles the whole file as one snippet, which JShell accepts only
     * when it holds nothing but imports: settings such as {@code ai.djl.offline} are JVM flags in kernel.json instead.
     */
    static String initScript(List<String> libPackages) {
        StringBuilder script = new StringBuilder("// ECG Lead Lab notebook imports, written by `jbang install-kernel`"
                + " (re-run it after lib changes).\n");
        for (String libPackage : libPackages) {
            script.append("import ").append(libPackage).append(".*;\n");
        }
        for (String imported : LIBRARY_IMPORTS) {
            script.append("import ").append(imported).append(";\n");
        }
        return script.toString();
    }

    /** The kernelspec; its {@code env} block is the one rapaio-jupyter-kernel's own installer writes, filled in. */
    static String kernelJson(Path kernelDir, Path kernelJar, List<Path> classpath, Path java) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmFlags(DeviceLine.nvidiaDriverLoaded()));
        // The launcher folder first: its LoopThread replaces the kernel jar's, which has a start-up race.
        argv.addAll(List.of("-cp", kernelDir.resolve(LAUNCHER_DIR) + File.pathSeparator + kernelJar,
                kernelDir.resolve(LAUNCHER_DIR).resolve(START_KERNEL).toString(), "{connection_file}"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RJK_CLASSPATH", rjkClasspath(classpath));
        env.put("RJK_INIT_SCRIPT", kernelDir.resolve(INIT_SCRIPT).toString());
        env.put("RJK_COMPILER_OPTIONS", "");
        env.put("RJK_TIMEOUT_MILLIS", "-1");
        // Where the kernel's %dependency magic caches jars; the default is a folder beside each notebook.
        env.put("RJK_MIMA_CACHE", kernelDir.resolve("mima_cache").toString());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", env);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** Class path entries joined with {@code ;}, the separator rapaio-jupyter-kernel splits on (not {@code :}). */
    static String rjkClasspath(List<Path> classpath) {
        for (Path entry : classpath) {
            if (entry.toString().contains(";")) {
                throw new EcgLabException("class path entry " + entry + " contains ';', which RJK_CLASSPATH uses to"
                        + " separate entries; move it to a folder without ';'");
            }
        }
        return classpath.stream().map(Path::toString).collect(Collectors.joining(";"));
    }

    /** Temporary files are private to their owner; a kernelspec (maybe under a shared prefix) must be readable. */
    private static void makeReadableByAll(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path,
                        PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /**
     * Puts the class files of {@link RapaioKernelLauncher} and the corrected {@code LoopThread}, alone, under
     * {@code dir} in their packages' folders, and beside them the program that calls the launcher, which {@code java}
     * compiles and runs from source (lib itself has no {@code main}).
     */
    private static void writeLauncher(Path dir) throws IOException {
        for (String type : List.of(RapaioKernelLauncher.class.getName(), LOOP_THREAD)) {
            String file = type.replace('.', '/') + ".class";
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream bytes = KernelInstaller.class.getResourceAsStream("/" + file)) {
                if (bytes == null) {
                    throw new IllegalStateException(file + " is not on the class path; build lib with Maven, or"
                            + " with JBang from scripts/install-kernel.java, which compiles it");
                }
                Files.copy(bytes, target);
            }
        }
        AtomicFiles.writeString(dir.resolve(START_KERNEL), "// Written by `jbang install-kernel`; java runs it from"
                + " source with the launcher classes and the kernel jar on its class path.\n"
                + "class StartKernel {\n"
                + "    public static void main(String[] args) throws Exception {\n"
                + "        " + RapaioKernelLauncher.class.getName() + ".launch(args);\n"
                + "    }\n"
                + "}\n");
    }

    private static Path copyInto(Path dir, Path file, String name) throws IOException {
        return Files.copy(file, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Swaps the finished folder in; an old kernel is moved aside first, so a failure never leaves half a kernel. */
    private static void replace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + KERNEL_NAME + "-old-");
            AtomicFiles.moveIntoPlace(target, old);
        }
        AtomicFiles.moveIntoPlace(staging, target);
        if (old != null) {
            deleteRecursively(old);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
