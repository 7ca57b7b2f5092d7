/**
 * How fast this machine runs ECG Lead Lab ({@code jbang bench}): each {@code BenchFigure} measures itself (model
 * compute in {@code ModelBenchmark}, whose training figure is {@code TrainingRun}'s own step, held against a bare DJL
 * step; ranking in {@code RankingBenchmark}; reading in {@code ReadFigures}) through one warm-up and timed-run loop
 * ({@code TimedRuns}) with its memory ({@code Memory}); {@code BenchRun} runs them under one progress bar and
 * {@code BenchCsv} owns the table; {@code StreamProcedure} streams a big dataset instead ({@code --stream});
 * {@code GrowthBenchmark} runs the user-facing jobs at growing sizes in child JVMs ({@code --growth}:
 * {@code GrowthJob}, {@code GrowthData}, {@code ChildRun}, {@code ChildPeaks}, {@code GrowthCsv}, {@code GrowthPlot}).
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics}, {@code report}, {@code train},
 * {@code measure}, {@code explain}, {@code evaluate}, {@code adapt} (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.bench;
