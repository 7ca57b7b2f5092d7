package org.ecgleadlab.explain;

/**
 * How well Integrated Gradients met its completeness axiom, Σ_{l,t} IG(X)_{l,t} = S(X) − S(0), over a set of exams.
 * The headline is the pooled relative error Σ_e |gap_e| / Σ_e |S(X_e) − S(0)|: a per-exam ratio is ill-conditioned for
 * exams whose score barely changes along the path (|S(X) − S(0)| near 0), pooling weighs every exam by how much there
 * was to attribute.
 *
 * @param exams              number of exams
 * @param pooledRelativeError Σ |gap| / Σ |S(X) − S(0)|
 * @param maxAbsoluteGap     the largest |Σ IG − (S(X) − S(0))| of one exam
 * @param meanAbsoluteDelta  mean |S(X) − S(0)|, the scale the gaps compare with
 */
public record Completeness(int exams, double pooledRelativeError, double maxAbsoluteGap, double meanAbsoluteDelta) {
    /** Summarises per-exam attribution sums against per-exam score changes. */
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
