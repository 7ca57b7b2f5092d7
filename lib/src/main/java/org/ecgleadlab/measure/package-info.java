/**
 * ECG delineation and what it measures: zero-phase filters, QRS detection, median beats and wave boundaries
 * ({@code Delineator}, {@code QrsDetector}, {@code WaveBoundaries}), per-exam measures ({@code Measure},
 * {@code ExamMeasures}), two data folders compared side by side ({@code DataComparison}) and vector loops
 * ({@code VectorLoops}). Used to judge the synthetic data against real ECGs.
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics}, {@code report} (see
 * {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.measure;
