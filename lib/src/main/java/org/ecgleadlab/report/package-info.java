/**
 * How results are shown and traced: Tablesaw tables ({@code Tables}, {@code TableFormat}), XChart figures in the
 * paper's style ({@code Plots}, {@code Figure}, {@code CurvePlots}, {@code LeadBars}, {@code EcgPlot} drawn on
 * millimetre paper by {@code EcgPaper}), progress bars
 * ({@code Progress}) provenance ({@code Provenance}, {@code GitRevision}, {@code Json}) and the one identity hash of run keys and
 * provenance ({@code Fingerprint}).
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics} (see {@code docs/architecture.md},
 * "Layering").
 */
package org.ecgleadlab.report;
