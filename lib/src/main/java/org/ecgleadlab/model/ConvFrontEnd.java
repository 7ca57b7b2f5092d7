package org.ecgleadlab.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;
import java.util.Map;

/**
 * The deep convolutional front end of LGA-ECG (reference module {@code frontend}): {@code conv_in} (kernel 7,
 * stride 2) and four residual blocks, {@code (B, C, L) -> (B, 64, L/8)}. Built from DJL's own blocks.
 */
final class ConvFrontEnd {
    static final double DROPOUT = 0.1;

    private ConvFrontEnd() {
    }

    /**
     * Builds the front end and records each block that owns parameters under its PyTorch module path
     * ({@code frontend.conv_in}, {@code frontend.layer2.skip_conv}, ...) in {@code modules}, in reference order.
     *
     * @param dropout whether the dropout layers are there (without them a training forward differs from the
     *                reference only by the masks it does not draw: the bare step {@code bench} holds training against)
     */
    static SequentialBlock build(Map<String, Block> modules, boolean dropout) {
        SequentialBlock frontEnd = new SequentialBlock();
        frontEnd.add(convBatchNorm(modules, "frontend.conv_in", "frontend.bn_in", 7, 2))
                .add(Activation.reluBlock());
        addDropout(frontEnd, dropout);
        frontEnd.add(residual(modules, "frontend.layer1", 7, 1, dropout)); // (B, 64, L/2)
        frontEnd.add(residual(modules, "frontend.layer2", 7, 2, dropout)); // (B, 64, L/4)
        frontEnd.add(residual(modules, "frontend.layer3", 5, 1, dropout));
        frontEnd.add(residual(modules, "frontend.layer4", 5, 2, dropout)); // (B, 64, L/8)
        return frontEnd;
    }

    /** conv1 -> bn1 -> ReLU -> dropout -> conv2 -> bn2 -> dropout, plus identity or skip_conv, then ReLU. */
    private static Block residual(Map<String, Block> modules, String path, int kernel, int stride, boolean dropout) {
        SequentialBlock main = new SequentialBlock()
                .add(convBatchNorm(modules, path + ".conv1", path + ".bn1", kernel, stride))
                .add(Activation.reluBlock());
        addDropout(main, dropout);
        main.add(convBatchNorm(modules, path + ".conv2", path + ".bn2", kernel, 1));
        addDropout(main, dropout);
        Block shortcut = stride == 1 ? Blocks.identityBlock() : named(modules, path + ".skip_conv", conv(1, stride));
        return new SequentialBlock()
                .add(new ParallelBlock(ConvFrontEnd::sum, List.of(main, shortcut)))
                .add(Activation.reluBlock());
    }

    private static NDList sum(List<NDList> branches) {
        return new NDList(branches.get(0).head().add(branches.get(1).head()));
    }

    private static ConvBatchNorm convBatchNorm(Map<String, Block> modules, String convPath, String normPath,
            int kernel, int stride) {
        return new ConvBatchNorm(named(modules, convPath, conv(kernel, stride)), named(modules, normPath, batchNorm()),
                kernel, stride);
    }

    /** Conv1d to 64 channels without bias, "same" padding (k-1)/2, as every front-end convolution. */
    private static Conv1d conv(int kernel, int stride) {
        return Conv1d.builder()
                .setFilters(LgaEcg.HIDDEN)
                .setKernelShape(new Shape(kernel))
                .optStride(new Shape(stride))
                .optPadding(new Shape((kernel - 1) / 2))
                .optBias(false)
                .build();
    }

    /** BatchNorm1d with PyTorch's eps 1e-5 and momentum 0.1 (DJL counts momentum the other way round). */
    private static BatchNorm batchNorm() {
        return BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build();
    }

    /** The reference's {@code nn.Dropout(0.1)}, its mask drawn as {@link SampledDropout} says (cheaper on the CPU). */
    private static void addDropout(SequentialBlock block, boolean dropout) {
        if (dropout) {
            block.add(new SampledDropout(DROPOUT));
        }
    }

    static <B extends Block> B named(Map<String, Block> modules, String path, B block) {
        modules.put(path, block);
        return block;
    }
}
