/**
 * The {@code evaluate} job: a checkpoint (or a predictions file) measured on labelled exams ({@code Evaluate}), printed
 * and written as tables, curves and JSON ({@code EvaluationReport}, {@code EvaluationCsv}, {@code EvaluationJson});
 * fine-tuning on real records measured by k-fold cross-validation ({@code CrossValidation},
 * {@code CrossValidationReport}, docs/evaluate.md).
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics}, {@code report}, {@code train},
 * {@code measure} (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.evaluate;
