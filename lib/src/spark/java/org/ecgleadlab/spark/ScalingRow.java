package org.ecgleadlab.spark;

/**
 * One measured run of {@code spark bench}: a job in a mode, its wall time in this JVM and how its result compares with
 * the single-JVM run's.
 *
 * @param job         predict or rank-leads
 * @param mode        single, localN, clusterN
 * @param master      the Spark master, "-" for the single JVM
 * @param cores       cores it ran on: Spark's task slots, or the single JVM's libtorch threads
 * @param exams       exams the job scored (rows of predictions.csv; exams of ranking.json)
 * @param wallSeconds the whole command in this JVM: reading, Spark's session start and stop, scoring, writing
 * @param sameOrder   the single JVM's exam order (predict) or lead order (rank-leads); null without a single run
 * @param maxDiff     largest probability difference (predict) or relative final-score difference (rank-leads) from
 *                    the single run; NaN without one
 */
record ScalingRow(String job, String mode, String master, int cores, int exams, double wallSeconds, Boolean sameOrder,
                  double maxDiff) {
    double examsPerSecond() {
        return exams / wallSeconds;
    }
}
