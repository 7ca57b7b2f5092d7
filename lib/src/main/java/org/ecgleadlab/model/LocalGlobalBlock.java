package org.ecgleadlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One local-global attention block (reference module {@code transformer_layers.i}); halves the positions.
 *
 * <pre>
 * xn = norm1(x)                                  (B, N, 64)
 * y  = attn(xn) + res_conv(maxpool2(xn))         (B, N/2, 64)
 * y  = y + mlp(norm2(y))                         mlp: 64 -> 128·2^i -> ReLU -> 64
 * </pre>
 * Output {@code NDList(y, A)} with the block's attention matrix {@code A (B, 8, N/2, N)}.
 */
public final class LocalGlobalBlock extends AbstractBlock {
    private final LayerNorm norm1;
    private final LocalGlobalAttention attn;
    private final Conv1d resConv;
    private final LayerNorm norm2;
    private final Linear mlpIn;
    private final Linear mlpOut;
    private final SequentialBlock mlp;

    /** Creates block {@code index} (0-based); its MLP is 128·2^index wide as in the reference. */
    public LocalGlobalBlock(int index) {
        norm1 = addChildBlock("norm1", LgaEcg.layerNorm());
        attn = addChildBlock("attn", new LocalGlobalAttention());
        resConv = addChildBlock("res_conv", Conv1d.builder().setFilters(LgaEcg.HIDDEN)
                .setKernelShape(new Shape(1)).optBias(true).build());
        norm2 = addChildBlock("norm2", LgaEcg.layerNorm());
        mlpIn = Linear.builder().setUnits(128L << index).build();
        mlpOut = Linear.builder().setUnits(LgaEcg.HIDDEN).build();
        mlp = addChildBlock("mlp", new SequentialBlock().add(mlpIn).add(Activation.reluBlock()).add(mlpOut));
    }

    /** The blocks owning parameters, by PyTorch module path relative to this block, in reference order. */
    Map<String, Block> modules() {
        Map<String, Block> modules = new LinkedHashMap<>();
        modules.put("norm1", norm1);
        attn.modules().forEach((path, block) -> modules.put("attn." + path, block));
        modules.put("res_conv", resConv);
        modules.put("norm2", norm2);
        modules.put("mlp.0", mlpIn);
        modules.put("mlp.2", mlpOut);
        return modules;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray xn = norm1.forward(store, inputs, training).head();               // (B, N, 64)
        NDList attended = attn.forward(store, new NDList(xn), training);          // y (B, M, 64), A
        NDArray pooled = Pool.maxPool1d(xn.transpose(0, 2, 1),
                new Shape(2), new Shape(2), new Shape(0), false);                  // (B, 64, M)
        NDArray residual = resConv.forward(store, new NDList(pooled), training).head()
                .transpose(0, 2, 1);                                                // (B, M, 64)
        NDArray y = attended.get(0).add(residual);
        NDArray update = mlp.forward(store, norm2.forward(store, new NDList(y), training), training).head();
        return new NDList(y.add(update), attended.get(1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return attn.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape out = getOutputShapes(inputShapes)[0];
        norm1.initialize(manager, dataType, in);
        attn.initialize(manager, dataType, in);
        resConv.initialize(manager, dataType, new Shape(in.get(0), LgaEcg.HIDDEN, out.get(1)));
        norm2.initialize(manager, dataType, out);
        mlp.initialize(manager, dataType, out);
    }
}
