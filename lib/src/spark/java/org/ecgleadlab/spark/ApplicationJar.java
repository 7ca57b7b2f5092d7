package org.ecgleadlab.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;

/** The application jar executors on a cluster load our classes from: lib and DJL inside, Spark outside. */
public final class ApplicationJar {
    /** Where {@link #BUILD_COMMAND} writes it, relative to the project root. */
    public static final String RELATIVE_PATH = "lib/target/ecg-lead-lab-spark.jar";
    public static final String BUILD_COMMAND = "mvn -B -f lib/pom.xml package -DskipTests";

    private ApplicationJar() {
    }

    /** The built jar; one line saying how to build it when it is missing. */
    public static Path require() {
        Path jar = ProjectPaths.root().resolve(RELATIVE_PATH);
        if (!Files.isRegularFile(jar)) {
            throw new EcgLabException(jar + " is missing and a cluster's executors need it; build it with "
                    + BUILD_COMMAND + " (or give --conf spark.jars=YOUR.jar)");
        }
        return jar.toAbsolutePath().normalize();
    }
}
