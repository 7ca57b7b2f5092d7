/**
 * Integrated Gradients' numerics (paper §4.2.2): the attribution itself
 * ({@link org.ecgleadlab.explain.ig.IntegratedGradients}, one record per batch), where along the path from the zero
 * baseline the gradients are evaluated ({@link org.ecgleadlab.explain.ig.QuadratureRule} and its adaptive refinement,
 * {@code PathRefinement}) and how well the completeness axiom held
 * ({@link org.ecgleadlab.explain.ig.Completeness}).
 *
 * <p>Imports {@code data}, {@code model}, {@code util} and {@code explain.exam}; {@code explain} imports it, never the
 * reverse. docs/lead-ranking.md records how the integration rules compare on the default job.
 */
package org.ecgleadlab.explain.ig;
