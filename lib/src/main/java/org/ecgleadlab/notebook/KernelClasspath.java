package org.ecgleadlab.notebook;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * lib's compiled classes and its dependency jars, as the running JVM has them: {@code jbang install-kernel} compiles
 * lib from source (//SOURCES) and starts with every //DEPS jar on {@code java.class.path}; Maven's test runner puts
 * {@code target/classes} and the resolved jars there the same way.
 *
 * @param libClasses the jar or folder that holds lib's {@code org.ecgleadlab} classes
 * @param entries    every class path entry, {@code libClasses} included, in class path order
 */
public record KernelClasspath(Path libClasses, List<Path> entries) {
    private static final String ROOT_PACKAGE = "org/ecgleadlab/";
    /** The Spark path: compiled only by Maven and scripts/spark.java, never a notebook import (no Spark in the kernel). */
    private static final String SPARK_PACKAGE = "org/ecgleadlab/spark/";

    /** The class path of this JVM. */
    public static KernelClasspath ofThisJvm() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!entry.isBlank() && Files.exists(path)) {
                entries.add(path);
            }
        }
        Path libClasses = codeSourceOf(KernelClasspath.class);
        entries.add(libClasses);
        return new KernelClasspath(libClasses, List.copyOf(entries));
    }

    /**
     * This class path with only the class folders and the jars named in {@code runtimeJars} (the file Maven's
     * {@code build-classpath} writes: one line, entries split by the path separator): a test runner's class path
     * also holds test-only and provided jars (Spark) that a kernel must not scan at every start.
     */
    public KernelClasspath keepingOnly(Path runtimeJars) {
        Set<Path> runtime = new LinkedHashSet<>();
        try {
            for (String entry : Files.readString(runtimeJars).strip().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    runtime.add(Path.of(entry).toAbsolutePath().normalize());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runtime class path " + runtimeJars + ": " + e.getMessage(),
                    e);
        }
        List<Path> kept = entries.stream().filter(e -> Files.isDirectory(e) || runtime.contains(e)).toList();
        return new KernelClasspath(libClasses, kept);
    }

    /** The lib packages (dotted names, sorted) holding at least one top-level class, for the kernel's imports. */
    public List<String> libPackages() {
        Set<String> packages = new TreeSet<>();
        for (String classFile : classFilesOf(libClasses)) {
            int slash = classFile.lastIndexOf('/');
            if (classFile.startsWith(ROOT_PACKAGE) && !classFile.startsWith(SPARK_PACKAGE) && !classFile.contains("$")
                    && slash > 0) {
                packages.add(classFile.substring(0, slash).replace('/', '.'));
            }
        }
        return new ArrayList<>(packages);
    }

    private static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }

    /** Names like {@code org/ecgleadlab/data/Lead.class} in a jar or a classes folder. */
    private static List<String> classFilesOf(Path location) {
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    return files.filter(p -> p.toString().endsWith(".class"))
                            .map(p -> location.relativize(p).toString().replace(File.separatorChar, '/'))
                            .toList();
                }
            }
            try (ZipFile jar = new ZipFile(location.toFile())) {
                return jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classes in " + location + ": " + e.getMessage(), e);
        }
    }
}
