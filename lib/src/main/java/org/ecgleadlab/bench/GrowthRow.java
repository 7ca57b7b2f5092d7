package org.ecgleadlab.bench;

/**
 * One job at one size: the dataset, the exams it processed and its child JVM's figures.
 *
 * @param layout code15 or ptbxl
 * @param size   exams the dataset was generated with
 * @param job    the job
 * @param exams  exams the job processed
 * @param run    its child's wall time, start-up, peaks and exit status
 */
public record GrowthRow(String layout, int size, GrowthJob job, int exams, ChildRun run) {
    /** Exams per second of wall time (start-up included, as a user waits for it). */
    public double examsPerSecond() {
        return exams / run.wallSeconds();
    }
}
