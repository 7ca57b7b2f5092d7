package org.ecgleadlab.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.util.EcgLabException;

/**
 * The Java Jupyter kernel the project registers: rapaio-jupyter-kernel (JShell based, shows {@code BufferedImage}s
 * inline through {@code display(...)}), taken from the local Maven repository and fetched there by Maven when absent.
 */
public final class KernelJar {
    /** Maven coordinates of the kernel (a self-contained jar). */
    public static final String COORDINATES = "io.github.padreati:rapaio-jupyter-kernel:3.0.1";

    private KernelJar() {
    }

    /** The kernel jar in the local Maven repository, downloaded through {@code mvn} first when it is not there. */
    public static Path locate() {
        Path jar = inRepository(localRepository());
        if (!Files.isRegularFile(jar)) {
            fetchWithMaven();
        }
        if (!Files.isRegularFile(jar)) {
            throw new EcgLabException("kernel jar " + jar + " is missing after fetching " + COORDINATES
                    + "; if Maven uses another local repository, pass it as -Dmaven.repo.local=DIR");
        }
        return jar;
    }

    /** Where {@link #COORDINATES} lies in a Maven repository laid out the standard way. */
    static Path inRepository(Path repository) {
        String[] gav = COORDINATES.split(":");
        return repository.resolve(gav[0].replace('.', '/')).resolve(gav[1]).resolve(gav[2])
                .resolve(gav[1] + "-" + gav[2] + ".jar");
    }

    /** {@code -Dmaven.repo.local} when given, otherwise Maven's default {@code ~/.m2/repository}. */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static void fetchWithMaven() {
        List<String> command = List.of("mvn", "-q", "-B",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get", "-Dartifact=" + COORDINATES,
                "-Dmaven.repo.local=" + localRepository());
        try {
            Process maven = new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            maven.getOutputStream().close();
            if (maven.waitFor() != 0) {
                throw new EcgLabException("mvn could not fetch " + COORDINATES + " (exit " + maven.exitValue()
                        + "); check that Maven Central is reachable");
            }
        } catch (IOException e) {
            throw new EcgLabException("cannot run mvn to fetch " + COORDINATES + " (" + e.getMessage()
                    + "); install Maven or put the jar into " + inRepository(localRepository()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EcgLabException("interrupted while fetching " + COORDINATES, e);
        }
    }
}
