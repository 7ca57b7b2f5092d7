package org.ecgleadlab.explain.ig;

/**
 * How well Integrated Gradients met its completeness axiom, Σ_{l,t} IG(X)_{l,t} = S(X) − S(0), over a set of
 * integrated scores (the loss of each exam, or each condition's term on the exams that have it). The headline is the
 * pooled relative error Σ |gap| / Σ |S(X) − S(0)|: a per-score ratio is ill-conditioned for scores that barely change
 * along the path (|S(X) − S(0)| near 0), pooling weighs every score by how much there was to attribute.
 *
 * @param scores             number of integrated scores
 * @param pooledRelativeError Σ |gap| / Σ |S(X) − S(0)|
 * @param maxAbsoluteGap     the largest |Σ IG − (S(X) − S(0))| of one score
 * @param meanAbsoluteDelta  mean |S(X) − S(0)|, the scale the gaps compare with
 */
public record Completeness(int scores, double pooledRelativeError, double maxAbsoluteGap, double meanAbsoluteDelta) {
    /** Summarises each score's attribution sum against its change along the path. */
    public static Completeness of(double[] attributionSum, double[] scoreDelta) {
        double gaps = 0;
        double deltas = 0;
        double maxGap = 0;
        for (int e = 0; e < attributionSum.length; e++) {
            double gap = Math.abs(attributionSum[e] - scoreDelta[e]);
            gaps += gap;
            deltas += Math.abs(scoreDelta[e]);
            maxGap = Math.max(maxGap, gap);
        }
        int n = attributionSum.length;
        return new Completeness(n, gaps / deltas, maxGap, n == 0 ? Double.NaN : deltas / n);
    }
}
