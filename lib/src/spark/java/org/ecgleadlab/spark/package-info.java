/**
 * The Spark path ({@code ./jbang spark <job>}): the single-JVM commands of {@code cli} with their exams scored by
 * Spark tasks ({@code SparkScorer}, {@code SparkAnalyser}) instead of in one JVM, and the loopback standalone cluster
 * ({@code LoopbackCluster}). It wires lib calls only: a task runs {@code train.Prediction#score} or
 * {@code explain.LeadImportanceAnalysis#analyse} on its group of exams, the driver joins the groups in order and the
 * job's own reduction, report and files are the single-JVM command's ({@code --format parquet}: the per-exam rows by
 * Spark's DataFrame writer, {@code ParquetOutput}). {@code SparkBench} times those commands in one JVM, on
 * {@code local[N]} and on a loopback cluster ({@code spark bench}). Spark is a {@code provided} dependency; this
 * source root ({@code lib/src/spark/java}) is compiled by Maven and by {@code scripts/spark.java} only.
 *
 * <p>May import: every package of lib, Spark (see {@code docs/architecture.md}, "Layering", and {@code docs/spark.md}).
 */
package org.ecgleadlab.spark;
