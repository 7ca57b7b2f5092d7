/**
 * Lead importance (paper §4.2, §5.1): the {@code rank-leads} job ({@link org.ecgleadlab.explain.RankLeads}), the four
 * methods and the fusion of their scores into one lead ranking.
 *
 * <p>The score chain, in order:
 * <ol>
 *   <li>{@link org.ecgleadlab.explain.exam.ExamScores}: one method's scores on one exam (12 × 6 and a 12-vector),
 *       from {@link org.ecgleadlab.explain.OutputPerturbation}, {@link org.ecgleadlab.explain.LossImpact},
 *       {@link org.ecgleadlab.explain.AttentionPerturbation} (all three read the shared
 *       {@link org.ecgleadlab.explain.OcclusionPass}) or {@link org.ecgleadlab.explain.ig.IntegratedGradients};</li>
 *   <li>{@link org.ecgleadlab.explain.MethodExamScores}: one method's scores on every exam analysed, collected by
 *       {@link org.ecgleadlab.explain.LeadImportanceAnalysis} and kept for the bootstrap
 *       ({@link org.ecgleadlab.explain.RankingStability}) and the per-exam rankings
 *       ({@link org.ecgleadlab.explain.PerExamRanking});</li>
 *   <li>{@link org.ecgleadlab.explain.MethodAverage}: one method's scores averaged over the exams (a panel of
 *       Figure 2);</li>
 *   <li>{@link org.ecgleadlab.explain.FusedRanking}: the methods' averages normalised and fused into FinalScore and
 *       one lead order (Figure 3), from which {@link org.ecgleadlab.explain.RankedSubsets} cuts Top-1/2/3 and
 *       Bottom-3;</li>
 *   <li>{@link org.ecgleadlab.explain.RankingFile}: {@code ranking.json}, what {@code adapt}, {@code reproduce-tables}
 *       and {@code subset-search} read.</li>
 * </ol>
 * {@link org.ecgleadlab.explain.RankingReport}, {@link org.ecgleadlab.explain.StabilityReport} and
 * {@link org.ecgleadlab.explain.PerExamReport} print and write a run's results.
 *
 * <p>Sub-packages: {@code explain.exam} (one exam as every method sees it, its scores, logit arithmetic) and
 * {@code explain.ig} (Integrated Gradients' numerics). This package may import {@code data}, {@code model},
 * {@code train} (checkpoints), {@code report} and {@code util}; {@code adapt}, {@code subsets} and {@code cli} import
 * it, never the reverse.
 */
package org.ecgleadlab.explain;
