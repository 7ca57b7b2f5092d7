/**
 * Integrated Gradients' numerics (paper §4.2.2): the attribution of a batch from the zero baseline
 * ({@code IntegratedGradients}, returning one record), where along the path the gradients are evaluated
 * ({@code QuadratureRule} and the adaptive refinement, {@code PathRefinement}) and how well the completeness axiom held
 * ({@code Completeness}). {@code docs/lead-ranking.md} records how the rules compare on the default job.
 *
 * <p>May import: {@code util}, {@code data}, {@code model} and {@code explain.exam}; {@code explain} imports it, never
 * the reverse (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.explain.ig;
