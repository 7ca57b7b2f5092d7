/**
 * The lead ranking of paper §4.2: the three occlusion methods over one shared forward ({@code OcclusionPass},
 * {@code OutputPerturbation}, {@code LossImpact}, {@code AttentionPerturbation}), Integrated Gradients
 * ({@code IntegratedGradients}), the fusion ({@code LeadRanking}) and the {@code rank-leads} job ({@code RankLeads},
 * {@code RankingReport}) whose {@code ranking.json} ({@code RankingResult}) the adaptation step reads.
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics}, {@code report}, {@code train},
 * {@code measure} (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.explain;
