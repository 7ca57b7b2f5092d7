/**
 * Adaptation to a reduced lead subset (paper §4.3) and the paper's Tables 1 and 2 (§5.2, §5.3): the strategies
 * ({@code Strategy}), one run ({@code AdaptationRun}), the grid of subsets × strategies with resumable runs keyed by
 * their spec ({@code AdaptationGrid}, {@code RunSpec}, {@code RunStore}), and the {@code reproduce-tables} job
 * ({@code ReproduceTables}), the paper's tables built from our runs ({@code PaperTables}) and the output folder's layout,
 * written and read ({@code ReproductionFolder}).
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics}, {@code report}, {@code train},
 * {@code measure}, {@code explain}, {@code evaluate} (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.adapt;
