package org.ecgleadlab.train;

/**
 * One line of the training log.
 *
 * @param epoch         1-based epoch number
 * @param trainLoss     mean binary cross-entropy over the epoch's training exams (dropout on, weights changing)
 * @param valLoss       mean binary cross-entropy over the validation exams after the epoch (eval mode)
 * @param valMacroF1    macro F1 over the six classes on the validation exams, threshold 0.5
 * @param learningRate  learning rate of the epoch's first step
 * @param seconds       wall time of the epoch, training and validation
 */
public record EpochRecord(int epoch, double trainLoss, double valLoss, double valMacroF1, double learningRate,
                          double seconds) {
}
