package org.ecgleadlab.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spark settings of a job: the project's defaults (docs/spark.md) under the user's {@code --conf}, which win.
 * Loopback masters keep every port on 127.0.0.1; executors get DJL offline with one shared native-library cache;
 * a cluster's executors get the application jar.
 */
public final class SparkSettings {
    static final String APP_NAME = "ecg-lead-lab";
    /** DJL's own default cache, shared by every executor of a machine so libtorch is unpacked once. */
    static final Path DEFAULT_DJL_CACHE = Path.of(System.getProperty("user.home"), ".djl.ai");

    private SparkSettings() {
    }

    /**
     * Every setting for {@code master}, the user's {@code conf} last. A default is left out where Spark already has
     * the key as a system property (spark-submit passes its {@code --conf} and {@code --jars} that way).
     */
    public static Map<String, String> of(MasterUrl master, Map<String, String> conf, String job) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spark.master", master.url());
        defaultTo(settings, "spark.app.name", APP_NAME + " " + job);
        if (master.loopback()) {
            defaultTo(settings, "spark.driver.host", "127.0.0.1");
            defaultTo(settings, "spark.driver.bindAddress", "127.0.0.1");
        }
        String djlCache = System.getenv("DJL_CACHE_DIR") != null ? System.getenv("DJL_CACHE_DIR")
                : DEFAULT_DJL_CACHE.toString();
        defaultTo(settings, "spark.executorEnv.DJL_CACHE_DIR", djlCache);
        defaultTo(settings, "spark.executor.extraJavaOptions", "-Dai.djl.offline=true -Decgleadlab.quiet=true");
        // a user's bad input is reported as the task's result (TaskOutcome), never retried; these retries are for
        // lost executors and other failures of the machines
        defaultTo(settings, "spark.task.maxFailures", "4");
        settings.putAll(conf);
        if (!master.local() && !settings.containsKey("spark.jars") && System.getProperty("spark.jars") == null) {
            settings.put("spark.jars", ApplicationJar.require().toString());
        }
        return settings;
    }

    private static void defaultTo(Map<String, String> settings, String key, String value) {
        if (System.getProperty(key) == null) {
            settings.put(key, value);
        }
    }
}
