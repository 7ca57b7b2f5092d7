///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//SOURCES ../lib/src/spark/java/org/ecgleadlab/spark/**.java
//DEPS org.apache.spark:spark-sql_2.13:4.1.1
//JAVA_OPTIONS -Dai.djl.offline=true -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider -Dslf4j.internal.verbosity=WARN
//MAIN spark
import org.ecgleadlab.spark.SparkJobs;

/**
 * jbang spark JOB [--master URL] [--conf KEY=VALUE]... [JOB's options]: predict, evaluate or rank-leads with their
 * exams scored by Spark tasks (local[*] by default); cluster: a loopback standalone cluster; bench: how predict and
 * rank-leads scale. See docs/spark.md.
 */
class spark {
    public static void main(String... args) {
        SparkJobs.main(args);
    }
}
