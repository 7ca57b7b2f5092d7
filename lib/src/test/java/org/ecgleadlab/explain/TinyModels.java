package org.ecgleadlab.explain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.ecgleadlab.data.Batch;
import org.ecgleadlab.data.Condition;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.explain.exam.Logits;
import org.ecgleadlab.explain.ig.IntegratedGradients;
import org.ecgleadlab.explain.ig.QuadratureRule;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.model.NoGrad;

/** Small models and inputs whose lead importance is known by construction. */
final class TinyModels {
    /** Short tracings keep the tests fast; the model takes any multiple of 256 samples. */
    static final int LENGTH = 256;

    private TinyModels() {
    }

    /** A seeded random 12-lead model whose first convolution ignores {@code blind} (their input weights are 0). */
    static LgaEcgModel blindTo(Collection<Lead> blind, long seed) {
        LgaEcgModel model = LgaEcgModel.create(Lead.COUNT, Device.cpu(), seed);
        NDArray convIn = model.stateDict().get("frontend.conv_in.weight");  // (64, 12, 7)
        float[] weights = convIn.toFloatArray();
        int kernel = 7;
        for (int out = 0; out < 64; out++) {
            for (Lead lead : blind) {
                for (int k = 0; k < kernel; k++) {
                    weights[(out * Lead.COUNT + lead.channel()) * kernel + k] = 0f;
                }
            }
        }
        try (NoGrad noGrad = NoGrad.enter()) {
            convIn.set(weights);
        }
        return model;
    }

    /** A model that reads only {@code lead}. */
    static LgaEcgModel onlyReads(Lead lead, long seed) {
        return blindTo(java.util.Arrays.stream(Lead.values()).filter(l -> l != lead).toList(), seed);
    }

    /** {@code count} seeded exams: a smooth beat-like wave per lead plus noise, channel-major. */
    static float[][] exams(int count, long seed) {
        Random random = new Random(seed);
        float[][] exams = new float[count][Lead.COUNT * LENGTH];
        for (float[] exam : exams) {
            for (int l = 0; l < Lead.COUNT; l++) {
                double amplitude = 0.5 + random.nextDouble();
                double phase = random.nextDouble() * 2 * Math.PI;
                for (int t = 0; t < LENGTH; t++) {
                    exam[l * LENGTH + t] = (float) (amplitude * Math.sin(2 * Math.PI * 4 * t / LENGTH + phase)
                            + 0.3 * random.nextGaussian());
                }
            }
        }
        return exams;
    }

    /** One batch of {@code exams} with {@code labels}, exam ids 0, 1, ... */
    static Batch batch(float[][] exams, float[][] labels) {
        float[] inputs = new float[exams.length * exams[0].length];
        float[] flatLabels = new float[labels.length * Condition.COUNT];
        for (int e = 0; e < exams.length; e++) {
            System.arraycopy(exams[e], 0, inputs, e * exams[0].length, exams[0].length);
            System.arraycopy(labels[e], 0, flatLabels, e * Condition.COUNT, Condition.COUNT);
        }
        return new Batch(inputs, Lead.COUNT, flatLabels, LongStream.range(0, exams.length).toArray(), exams.length);
    }

    /**
     * Labels under which the model's reading of {@code lead} is right: condition c is present exactly when seeing X
     * raises P(c) above its value with {@code lead} zeroed. For a model that reads only that lead, removing it can then
     * only hurt, so output perturbation and loss impact are positive by construction. {@code flip} gives the opposite
     * labels, under which the lead is harmful.
     */
    static float[][] labelsAgreeingWith(LgaEcgModel model, Lead lead, float[][] exams, boolean flip) {
        float[][] labels = new float[exams.length][Condition.COUNT];
        for (int e = 0; e < exams.length; e++) {
            float[] occluded = exams[e].clone();
            java.util.Arrays.fill(occluded, lead.channel() * LENGTH, (lead.channel() + 1) * LENGTH, 0f);
            float[] seen = probabilities(model, exams[e]);
            float[] unseen = probabilities(model, occluded);
            for (int c = 0; c < Condition.COUNT; c++) {
                labels[e][c] = (seen[c] > unseen[c]) != flip ? 1f : 0f;
            }
        }
        return labels;
    }

    static float[] probabilities(LgaEcgModel model, float[] exam) {
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray x = scope.create(exam, new Shape(1, Lead.COUNT, exam.length / Lead.COUNT));
            float[] logits = model.predict(x).get(0).toFloatArray();
            float[] p = new float[logits.length];
            for (int c = 0; c < p.length; c++) {
                p[c] = (float) Logits.sigmoid(logits[c]);
            }
            return p;
        }
    }

    /** Every method, with few integration steps and small memory caps so batches split. */
    static LeadImportanceAnalysis analysis(LgaEcgModel model, int igSteps) {
        return new LeadImportanceAnalysis(model, new LeadImportanceAnalysis.Config(List.of(ImportanceMethod.values()),
                new IntegratedGradients.Config(igSteps, QuadratureRule.TRAPEZOID, 0, 40), 26));
    }
}
