/**
 * What {@code jbang bench} measures beyond the model's own speed: HDF5 and WFDB read throughput ({@code ReadBenchmark},
 * {@code WfdbReadBenchmark}), streaming a big dataset ({@code StreamBenchmark}, {@code StreamProcedure}), lead-ranking
 * throughput ({@code RankingBenchmark}) and memory readings ({@code Memory}).
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics}, {@code report}, {@code train},
 * {@code measure}, {@code explain}, {@code evaluate}, {@code adapt} (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.bench;
