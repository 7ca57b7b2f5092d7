package org.ecgleadlab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A bias-free Conv1d followed by BatchNorm1d, as everywhere in the front end. Training runs the two DJL blocks
 * (batch statistics, running averages updated); evaluation folds the BatchNorm into the convolution
 * ({@code w·γ/√(σ²+ε)}, bias {@code β − μ·γ/√(σ²+ε)}): the same function in one pass instead of two, which
 * saves about a fifth of an inference forward on CPU.
 */
final class ConvBatchNorm extends AbstractBlock {
    private static final float EPSILON = 1e-5f;

    private final Conv1d conv;
    private final BatchNorm norm;
    private final int stride;
    private final int padding;

    ConvBatchNorm(Conv1d conv, BatchNorm norm, int kernel, int stride) {
        this.conv = addChildBlock("conv", conv);
        this.norm = addChildBlock("bn", norm);
        this.stride = stride;
        this.padding = (kernel - 1) / 2;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (training) {
            return norm.forward(store, conv.forward(store, inputs, true), true);
        }
        NDArray x = inputs.head();
        Device device = x.getDevice();
        NDArray weight = store.getValue(conv.getParameters().get("weight"), device, false);
        NDArray gamma = store.getValue(norm.getParameters().get("gamma"), device, false);
        NDArray beta = store.getValue(norm.getParameters().get("beta"), device, false);
        NDArray mean = store.getValue(norm.getParameters().get("runningMean"), device, false);
        NDArray variance = store.getValue(norm.getParameters().get("runningVar"), device, false);
        // Every temporary starts from an array of x's manager, so the batch's manager frees them all.
        NDArray scale = NativeScalar.like(x, EPSILON).add(variance).pow(NativeScalar.like(x, -0.5f)).mul(gamma); // (64)
        NDArray foldedWeight = scale.reshape(-1, 1, 1).mul(weight);                       // (64, Cin, k)
        NDArray foldedBias = scale.mul(mean).neg().add(beta);                              // (64)
        return Conv1d.conv1d(x, foldedWeight, foldedBias, new Shape(stride), new Shape(padding));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
        norm.initialize(manager, dataType, conv.getOutputShapes(inputShapes));
    }
}
