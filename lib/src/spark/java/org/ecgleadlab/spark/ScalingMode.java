package org.ecgleadlab.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecgleadlab.util.EcgLabException;

/**
 * Where {@code spark bench} runs a job: {@code single} (the single-JVM command), {@code localN} (Spark's
 * {@code local[N]}) or {@code clusterN} (a {@link LoopbackCluster} of N workers with one core each).
 *
 * @param name    as given: single, local2, cluster2
 * @param workers Spark cores (local) or 1-core workers (cluster); 0 for single
 */
record ScalingMode(String name, int workers) {
    private static final Pattern SPARK = Pattern.compile("(local|cluster)([1-9][0-9]*)");
    static final String SINGLE = "single";

    /** Parses one mode; one line naming the accepted forms otherwise. */
    static ScalingMode parse(String text) {
        String name = text.trim();
        if (name.equals(SINGLE)) {
            return new ScalingMode(name, 0);
        }
        Matcher m = SPARK.matcher(name);
        if (!m.matches()) {
            throw new EcgLabException("--modes: '" + text + "' is no mode; use single, localN (Spark's local[N]) or "
                    + "clusterN (a loopback cluster of N one-core workers), e.g. single,local1,local2,cluster2");
        }
        return new ScalingMode(name, Integer.parseInt(m.group(2)));
    }

    boolean single() {
        return workers == 0;
    }

    boolean cluster() {
        return name.startsWith("cluster");
    }

    /** The master of a local mode: local[N]. */
    String localMaster() {
        return "local[" + workers + "]";
    }
}
