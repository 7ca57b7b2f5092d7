package org.ecgleadlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local-global attention (reference module {@code transformer_layers.i.attn}): queries are local (a 3-tap
 * convolution, then average-pooled to half the positions), keys and values cover all positions.
 *
 * <p>Input {@code (B, N, 64)}; output {@code NDList(y (B, N/2, 64), A (B, 8, N/2, N))} where {@code A} is the
 * softmax attention matrix that attention perturbation compares. There is no output projection.
 */
public final class LocalGlobalAttention extends AbstractBlock {
    static final int HEADS = 8;
    private static final int HEAD_DIM = LgaEcg.HIDDEN / HEADS;

    private final LayerNorm norm;
    private final Conv1d projQ;
    private final Conv1d projK;
    private final Conv1d projV;

    /** Creates the block with its own LayerNorm and the Q, K, V projections (64 -> 64, kernel 3, no bias). */
    public LocalGlobalAttention() {
        norm = addChildBlock("norm", LgaEcg.layerNorm());
        projQ = addChildBlock("proj_Q", projection());
        projK = addChildBlock("proj_K", projection());
        projV = addChildBlock("proj_V", projection());
    }

    private static Conv1d projection() {
        return Conv1d.builder().setFilters(LgaEcg.HIDDEN).setKernelShape(new Shape(3)).optPadding(new Shape(1))
                .optBias(false).build();
    }

    /** The blocks owning parameters, by PyTorch module path relative to this block, in reference order. */
    Map<String, Block> modules() {
        Map<String, Block> modules = new LinkedHashMap<>();
        modules.put("norm", norm);
        modules.put("proj_Q", projQ);
        modules.put("proj_K", projK);
        modules.put("proj_V", projV);
        return modules;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray h = norm.forward(store, inputs, training).head();                 // (B, N, 64)
        Shape shape = h.getShape();
        long batch = shape.get(0);
        long n = shape.get(1);
        long m = n / 2;
        NDList channels = new NDList(h.transpose(0, 2, 1));                        // (B, 64, N)
        NDArray q = Pool.avgPool1d(projQ.forward(store, channels, training).head(),
                new Shape(2), new Shape(2), new Shape(0), false, true)             // (B, 64, M)
                .mul(NativeScalar.like(h, (float) (1.0 / Math.sqrt(HEAD_DIM))))
                .reshape(batch, HEADS, HEAD_DIM, m).transpose(0, 1, 3, 2);          // (B, 8, M, 8)
        NDArray kT = projK.forward(store, channels, training).head()
                .reshape(batch, HEADS, HEAD_DIM, n);                                // (B, 8, 8, N) = K transposed
        NDArray vT = projV.forward(store, channels, training).head()
                .reshape(batch, HEADS, HEAD_DIM, n);                                // (B, 8, 8, N)
        NDArray attention = q.matMul(kT).softmax(-1);                              // (B, 8, M, N)
        // yᵀ = Vᵀ·Aᵀ keeps channels first, so merging the heads is a reshape.
        NDArray y = vT.matMul(attention.transpose(0, 1, 3, 2))                     // (B, 8, 8, M)
                .reshape(batch, LgaEcg.HIDDEN, m).transpose(0, 2, 1);              // (B, M, 64)
        return new NDList(y, attention);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long m = in.get(1) / 2;
        return new Shape[] {new Shape(in.get(0), m, LgaEcg.HIDDEN), new Shape(in.get(0), HEADS, m, in.get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        norm.initialize(manager, dataType, in);
        Shape channels = new Shape(in.get(0), in.get(2), in.get(1));
        projQ.initialize(manager, dataType, channels);
        projK.initialize(manager, dataType, channels);
        projV.initialize(manager, dataType, channels);
    }
}
