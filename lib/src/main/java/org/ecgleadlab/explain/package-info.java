/**
 * The lead ranking of paper §4.2 and §5.1: the {@code rank-leads} job ({@code RankLeads}), the four methods and the
 * fusion of their scores. The score chain, in order:
 * <ol>
 *   <li>{@code exam.ExamScores}: one method's scores on one exam (12 × 6 and a 12-vector), from
 *       {@code OutputPerturbation}, {@code LossImpact} and {@code AttentionPerturbation} (all three over one shared
 *       {@code OcclusionPass}) or {@code ig.IntegratedGradients};</li>
 *   <li>{@code MethodExamScores}: one method's scores on every exam analysed, collected batch by batch by
 *       {@code LeadImportanceAnalysis} and kept for the bootstrap ({@code RankingStability}) and the per-exam
 *       rankings ({@code PerExamRanking});</li>
 *   <li>{@code MethodAverage}: one method's scores averaged over the exams (a panel of Figure 2);</li>
 *   <li>{@code FusedRanking}: the averages normalised and fused into FinalScore and one lead order (Figure 3), from
 *       which {@code RankedSubsets} cuts and names Top-1/2/3 and Bottom-3;</li>
 *   <li>{@code RankingFile}: {@code ranking.json}, what {@code adapt}, {@code reproduce-tables} and
 *       {@code subset-search} read.</li>
 * </ol>
 * {@code RankingReport}, {@code StabilityReport} and {@code PerExamReport} print a run and write its folder;
 * {@code RankingComparison} sets several runs (and a published ranking) side by side.
 * Sub-packages: {@code explain.exam} (one exam as every method sees it) and {@code explain.ig} (Integrated Gradients'
 * numerics); {@code docs/lead-ranking.md} maps the chain.
 *
 * <p>May import: {@code util}, {@code data}, {@code model}, {@code metrics}, {@code report}, {@code train},
 * {@code measure} and its own sub-packages (see {@code docs/architecture.md}, "Layering").
 */
package org.ecgleadlab.explain;
