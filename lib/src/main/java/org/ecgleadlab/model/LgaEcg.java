package org.ecgleadlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LGA-ECG network (reference {@code ConvTransformer}) as a DJL block: convolutional front end, five
 * local-global attention blocks, mean over time, classifier head. See {@code shared/lga-ecg-spec.md}.
 *
 * <p>Input {@code (B, C, L)} with C leads (1–12) and L = 2560 (any multiple of 256 works: every block halves
 * the positions exactly). Output {@code NDList(logits (B, 6), A1, ..., A5)} where {@code Ai (B, 8, Ni/2, Ni)}
 * is the attention matrix of block i, Ni = L/8 / 2^(i-1). Dropout (0.1, front end only) acts when training.
 *
 * <p>{@link #parameters()} names every parameter as the PyTorch {@code state_dict} does, so weights move
 * between the two without a translation table; {@link LgaEcgModel} owns a ready-to-use instance.
 */
public final class LgaEcg extends AbstractBlock {
    /** Hidden width of the whole network. */
    public static final int HIDDEN = 64;
    /** Number of local-global attention blocks (log2(320 / 10) in the reference). */
    public static final int BLOCKS = 5;
    /** Number of output classes (1dAVb, RBBB, LBBB, SB, AF, ST). */
    public static final int CLASSES = 6;
    /** Input length: 10.24 s at 250 Hz. */
    public static final int LENGTH = 2560;
    /** Attention heads per block. */
    public static final int HEADS = LocalGlobalAttention.HEADS;

    private final int inChannels;
    private final SequentialBlock frontEnd;
    private final List<LocalGlobalBlock> layers = new ArrayList<>();
    private final SequentialBlock head;
    private final Map<String, Block> modules = new LinkedHashMap<>();
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();

    /** Creates the (uninitialised) network for {@code inChannels} input leads. */
    public LgaEcg(int inChannels) {
        this(inChannels, true);
    }

    /** The network without its dropout layers when {@code dropout} is false (see {@link LgaEcgModel#withoutDropout}). */
    LgaEcg(int inChannels, boolean dropout) {
        if (inChannels < 1 || inChannels > 12) {
            throw new IllegalArgumentException("LGA-ECG takes 1 to 12 input leads, not " + inChannels);
        }
        this.inChannels = inChannels;
        frontEnd = addChildBlock("frontend", ConvFrontEnd.build(modules, dropout));
        for (int i = 0; i < BLOCKS; i++) {
            LocalGlobalBlock layer = addChildBlock("transformer_layers." + i, new LocalGlobalBlock(i));
            String prefix = "transformer_layers." + i + ".";
            layer.modules().forEach((path, block) -> modules.put(prefix + path, block));
            layers.add(layer);
        }
        head = addChildBlock("head", new SequentialBlock()
                .add(LambdaBlock.singleton(x -> x.mean(new int[] {1}), "meanOverTime"))      // (B, 64)
                .add(ConvFrontEnd.named(modules, "mlp.0", Linear.builder().setUnits(HIDDEN).build()))
                .add(Activation.reluBlock())
                .add(ConvFrontEnd.named(modules, "mlp.2", Linear.builder().setUnits(CLASSES).build())));
        modules.forEach((path, block) -> block.getDirectParameters().values().forEach(p ->
                parameters.put(path + "." + pytorchName(p.getName()), p)));
    }

    /** PyTorch's name for a DJL parameter of Conv1d, Linear, BatchNorm or LayerNorm. */
    private static String pytorchName(String djlName) {
        switch (djlName) {
            case "weight":
            case "gamma":
                return "weight";
            case "bias":
            case "beta":
                return "bias";
            case "runningMean":
                return "running_mean";
            case "runningVar":
                return "running_var";
            default:
                throw new IllegalStateException("no PyTorch name for DJL parameter " + djlName);
        }
    }

    /** LayerNorm over the 64 features of {@code (B, N, 64)}, eps 1e-5 as in PyTorch. */
    static LayerNorm layerNorm() {
        return LayerNorm.builder().axis(2).optEpsilon(1e-5f).build();
    }

    /** Number of input leads C. */
    public int inChannels() {
        return inChannels;
    }

    /** The convolutional front end alone: {@code (B, C, L) -> (B, 64, L/8)} (reference {@code frontend}). */
    public Block frontEnd() {
        return frontEnd;
    }

    /**
     * Every parameter under its PyTorch {@code state_dict} name, in the reference order; BatchNorm running
     * statistics included (not trainable), {@code num_batches_tracked} not (DJL has no such parameter).
     */
    public Map<String, Parameter> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** The blocks that own parameters, by PyTorch module path ({@code frontend.bn_in}, {@code mlp.0}, ...). */
    public Map<String, Block> modules() {
        return Collections.unmodifiableMap(modules);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = frontEnd.forward(store, inputs, training).head().transpose(0, 2, 1); // (B, L/8, 64)
        NDList outputs = new NDList(BLOCKS + 1);
        outputs.add(null); // logits go first, once the head has run
        for (LocalGlobalBlock layer : layers) {
            NDList out = layer.forward(store, new NDList(x), training);
            x = out.get(0);                                                               // (B, N/2, 64)
            outputs.add(out.get(1));                                                      // (B, 8, N/2, N)
        }
        outputs.set(0, head.forward(store, new NDList(x), training).head());              // (B, 6)
        return outputs;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        long n = inputShapes[0].get(2) / 8;
        Shape[] shapes = new Shape[BLOCKS + 1];
        shapes[0] = new Shape(batch, CLASSES);
        for (int i = 1; i <= BLOCKS; i++, n /= 2) {
            shapes[i] = new Shape(batch, HEADS, n / 2, n);
        }
        return shapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        frontEnd.initialize(manager, dataType, inputShapes);
        Shape x = new Shape(inputShapes[0].get(0), inputShapes[0].get(2) / 8, HIDDEN);
        for (LocalGlobalBlock layer : layers) {
            layer.initialize(manager, dataType, x);
            x = layer.getOutputShapes(new Shape[] {x})[0];
        }
        head.initialize(manager, dataType, x);
    }
}
