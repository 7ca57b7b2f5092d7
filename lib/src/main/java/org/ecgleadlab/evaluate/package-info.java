/**
 * The {@code evaluate} job: a checkpoint (or a predictions file) measured on labelled exams ({@code Evaluate}), printed
 * and written as tables, curves and JSON ({@code EvaluationReport}, {@code EvaluationCsv}, {@code EvaluationJson}).
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics}, {@code report}, {@code train},
 * {@code measure} (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.evaluate;
