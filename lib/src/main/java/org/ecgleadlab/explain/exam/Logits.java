package org.ecgleadlab.explain.exam;

/** Scalar arithmetic on one logit, as the methods score single exams outside the model. */
public final class Logits {
    private Logits() {
    }

    /** Binary cross-entropy of a logit against a 0/1 label, in the overflow-safe form max(z,0) − zy + log(1+e^−|z|). */
    public static double bceWithLogits(double logit, double label) {
        return Math.max(logit, 0) - logit * label + Math.log1p(Math.exp(-Math.abs(logit)));
    }

    public static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }
}
