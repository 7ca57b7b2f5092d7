/**
 * How fast this machine runs ECG Lead Lab ({@code jbang bench}): each {@link org.ecgleadlab.bench.Figure} measures
 * itself (model compute in {@link org.ecgleadlab.bench.ModelBenchmark}, lead ranking in
 * {@link org.ecgleadlab.bench.RankingBenchmark}, reading in {@link org.ecgleadlab.bench.ReadFigures}), every one
 * through the same warm-up and timed-run loop ({@link org.ecgleadlab.bench.TimedRuns}) with its memory
 * ({@link org.ecgleadlab.bench.Memory}); {@link org.ecgleadlab.bench.BenchRun} runs them under one progress bar and
 * {@link org.ecgleadlab.bench.BenchCsv} owns the table they are appended to. {@link org.ecgleadlab.bench.StreamProcedure}
 * streams a big dataset instead ({@code --stream}).
 *
 * <p>May import data, model, train (the training step is {@code TrainingRun}'s own), explain, report and util; nothing
 * imports bench but the {@code bench} command.
 */
package org.ecgleadlab.bench;
