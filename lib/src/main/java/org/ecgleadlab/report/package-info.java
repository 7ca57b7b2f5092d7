/**
 * How results are shown and traced: Tablesaw tables ({@code Tables}, {@code TableFormat}), XChart figures in the
 * paper's style ({@code Plots}, {@code Figure}, {@code CurvePlots}, {@code LeadBars}, {@code EcgPlot}), progress bars
 * ({@code Progress}) and provenance ({@code Provenance}, {@code GitRevision}, {@code Json}).
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics} (see {@code docs/architecture.md},
 * "Layering").
 */
package org.ecgleadlab.report;
