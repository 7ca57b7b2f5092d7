/**
 * One exam as every lead-importance method sees it: a {@code data.Batch} cut into one array per exam
 * ({@code ExamArrays}), the 12-lead model check ({@code TwelveLeads}), scalar logit arithmetic ({@code Logits}), and
 * what a method says about the exam ({@code ExamScores}, the first stage of the score chain), and how many exam rows a
 * model pass may carry under the memory budget ({@code PassMemory}, {@code rank-leads --memory}). It lies under both
 * {@code explain} and {@code explain.ig}, so those two never import each other's internals and only {@code explain}
 * imports {@code explain.ig}.
 *
 * <p>May import: {@code util}, {@code data}, {@code model} (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.explain.exam;
