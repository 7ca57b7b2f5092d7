/**
 * One exam as every lead-importance method sees it: a {@link org.ecgleadlab.data.Batch} cut per exam
 * ({@link org.ecgleadlab.explain.exam.ExamArrays}), the 12-lead model check, scalar logit arithmetic, and what a method
 * says about the exam ({@link org.ecgleadlab.explain.exam.ExamScores}, the first stage of the score chain).
 *
 * <p>It sits below both {@code explain} and {@code explain.ig} so that neither has to import the other's internals;
 * it imports only {@code data}, {@code model} and {@code util}.
 */
package org.ecgleadlab.explain.exam;
