/**
 * Metrics on predictions, defined as scikit-learn defines them: per-class and macro precision, recall, F1 and accuracy
 * ({@code MultiLabelMetrics}), ROC AUC and average precision ({@code RankingMetrics}, {@code RocCurve},
 * {@code PrecisionRecallCurve}), bootstrap intervals and the paired test ({@code Bootstrap}, {@code PairedDifference}),
 * decision thresholds and the confusion counts they give
 * ({@code Thresholds}, {@code Decisions}), one ordered list of metric names and values ({@code MetricTable}) and predictions as a CSV ({@code PredictionsFile}). Paper §3 and §5.
 *
 * <p>May import: {@code util}, {@code data} (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.metrics;
