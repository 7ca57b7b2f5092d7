package org.ecgleadlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.util.EcgLabException;
import org.junit.jupiter.api.Test;

/** The settings a job gives Spark, and the lines for a job or master that cannot run; no Spark session needed. */
class SparkSettingsTest {
    @Test
    void loopbackMastersKeepTheDriverOn127001AndUserConfWins() {
        Map<String, String> local = SparkSettings.of(new MasterUrl("local[2]"), Map.of(), "predict");
        assertEquals("127.0.0.1", local.get("spark.driver.host"));
        assertEquals("127.0.0.1", local.get("spark.driver.bindAddress"));
        assertTrue(local.get("spark.executor.extraJavaOptions").contains("-Dai.djl.offline=true"));
        assertTrue(local.containsKey("spark.executorEnv.DJL_CACHE_DIR"));
        assertFalse(local.containsKey("spark.jars"), "local mode needs no application jar");

        Map<String, String> cluster = SparkSettings.of(new MasterUrl("spark://10.0.0.5:7077"),
                Map.of("spark.jars", "/shared/app.jar", "spark.task.maxFailures", "2"), "predict");
        assertFalse(cluster.containsKey("spark.driver.host"), "a remote cluster must reach the driver");
        assertEquals("/shared/app.jar", cluster.get("spark.jars"));
        assertEquals("2", cluster.get("spark.task.maxFailures"));
        assertTrue(new MasterUrl("spark://localhost:7077").loopback());
    }

    @Test
    void badMasterUrlsAndSettingsAreOneLineEach() {
        for (String url : List.of("local[x]", "spark://nohost", "mesos://m:5050", "")) {
            EcgLabException e = assertThrows(EcgLabException.class, () -> new MasterUrl(url));
            assertTrue(e.getMessage().startsWith("--master " + url + ":"), e.getMessage());
        }
        new MasterUrl("yarn");
        new MasterUrl("k8s://https://10.0.0.1:6443");
        new MasterUrl("spark://a:7077,b:7077");
        EcgLabException conf = assertThrows(EcgLabException.class,
                () -> new SparkOptions("local", Map.of("", "2g"), null).conf());
        assertTrue(conf.getMessage().startsWith("--conf =2g: write it as KEY=VALUE"), conf.getMessage());
    }

    @Test
    void groupsAreWholeBatchesInTheJobsOrder() {
        assertEquals(16, ExamGroups.size(100, 2, 8, null), "100 exams over 8 tasks (13 each), in whole batches of 8");
        assertEquals(5, ExamGroups.size(100, 2, 8, 5));
        assertEquals(4, ExamGroups.size(3, 16, 4, null), "at least one batch");
    }

    @Test
    void anUnknownJobOrThreadsAreRefusedInOneLine() {
        assertEquals(Cli.USER_ERROR, SparkJobs.run("train"));
        assertEquals(Cli.USER_ERROR, SparkJobs.run());
        assertEquals(Cli.USER_ERROR, SparkJobs.run("predict", "data", "--threads", "2"));
        assertEquals(Cli.USER_ERROR, SparkJobs.run("adapt", "--exams-per-task", "4")); // a grid task is one run
    }
}
