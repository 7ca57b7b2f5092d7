package org.ecgleadlab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Random;
import org.ecgleadlab.util.EcgLabException;

/**
 * A ready-to-run LGA-ECG: the {@link LgaEcg} block with its parameters on one {@link Device}, owned by this
 * object's {@link NDManager} (closing the model frees them).
 *
 * <p>Forward results attach to the manager of the input; run each batch in its own sub-manager
 * ({@code try (NDManager batch = model.manager().newSubManager()) {...}}) so memory stays flat.
 * Training: open a {@code GradientCollector}, call {@link #forward} with {@code training = true}, backward,
 * close the collector, then update the arrays of {@link #namedParameters()} in place from {@link #gradients}
 * (in-place updates of a leaf fail while the collector is open) and {@link #zeroGradients()}. Keep the batch
 * manager the receiver of new results: {@code parameter.getArray().mul(..)} would attach to the model's manager.
 */
public final class LgaEcgModel implements AutoCloseable {
    static {
        NativeAllocator.tune(); // before the first tensor (see there)
    }

    private final NDManager manager;
    private final Device device;
    private final LgaEcg block;
    private final ParameterStore store;
    private final Map<String, NDArray> batchCounters = new LinkedHashMap<>();
    private long batchesTracked;

    /**
     * Held by whoever draws from libtorch's one global generator: training's dropout (seeded per epoch) and DJL's
     * initialisation of a new block. A model loaded on one thread while another trains (two Spark tasks of one
     * executor) would otherwise shift the dropout masks, and the weights would differ from a run alone.
     */
    public static final Object TORCH_GENERATOR = new Object();

    private LgaEcgModel(int inChannels, Device device) {
        this(inChannels, device, true);
    }

    private LgaEcgModel(int inChannels, Device device, boolean dropout) {
        this.device = device;
        manager = NDManager.newBaseManager(device);
        block = new LgaEcg(inChannels, dropout);
        synchronized (TORCH_GENERATOR) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, inChannels, LgaEcg.LENGTH));
        }
        store = new ParameterStore(manager, false);
        block.parameters().keySet().stream().filter(key -> key.endsWith(".running_var")).forEach(key ->
                batchCounters.put(key.replace("running_var", StateDict.BATCHES_TRACKED), manager.create(0L)));
    }

    /**
     * A fresh model with PyTorch's default initialisation ({@link TorchDefaultInit}) drawn from
     * {@code java.util.Random(seed)}, so the same seed gives the same weights on every machine.
     *
     * @param inChannels number of input leads C (1–12)
     */
    public static LgaEcgModel create(int inChannels, Device device, long seed) {
        LgaEcgModel model = new LgaEcgModel(inChannels, device);
        TorchDefaultInit.apply(model.block, new Random(seed));
        return model;
    }

    /**
     * Loads a PyTorch {@code state_dict} saved as {@code .npz}; the number of leads comes from
     * {@code frontend.conv_in.weight (64, C, 7)}.
     *
     * @throws EcgLabException for a missing or unreadable file, a wrong or missing key or a shape mismatch
     */
    public static LgaEcgModel load(Path npz, Device device) {
        try (NDManager reading = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> tensors = Npz.read(npz, reading);
            NDArray convIn = tensors.get("frontend.conv_in.weight");
            if (convIn == null || convIn.getShape().dimension() != 3) {
                throw new EcgLabException(npz + ": missing key 'frontend.conv_in.weight' (expected shape (64, C, 7))"
                        + "; give a state_dict of the LGA-ECG reference model saved with numpy.savez");
            }
            long leads = convIn.getShape().get(1);
            if (leads < 1 || leads > 12) {
                throw new EcgLabException(npz + ": key 'frontend.conv_in.weight' has shape " + convIn.getShape()
                        + " but the model expects (64, C, 7) with C from 1 to 12 leads");
            }
            LgaEcgModel model = new LgaEcgModel((int) leads, device);
            try {
                model.loadStateDict(tensors, npz.toString());
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
            return model;
        }
    }

    /**
     * A copy of this model (weights, running statistics, device) whose training forward has no dropout: BatchNorm
     * still normalises with batch statistics and updates its running ones, as in any training step. It is the bare
     * step that {@code bench} holds {@code train}'s step against.
     */
    public LgaEcgModel withoutDropout() {
        LgaEcgModel copy = new LgaEcgModel(inChannels(), device, false);
        try {
            copy.loadStateDict(stateDict(), "the model copied without dropout");
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
        return copy;
    }

    /** Replaces all weights by those of a {@code state_dict} {@code .npz} of the same shapes. */
    public void loadStateDict(Path npz) {
        try (NDManager reading = NDManager.newBaseManager(Device.cpu())) {
            loadStateDict(Npz.read(npz, reading), npz.toString());
        }
    }

    /**
     * Replaces all weights by {@code tensors} (PyTorch names, the same keys and shapes as {@link #stateDict()};
     * {@code num_batches_tracked} may be absent).
     *
     * @param origin where the tensors came from, named in error messages
     */
    public void loadStateDict(Map<String, NDArray> tensors, String origin) {
        Map<String, NDArray> target = stateDict();
        StateDict.verify(tensors, target, origin);
        try (NoGrad noGrad = NoGrad.enter()) {
            StateDict.copy(tensors, target);
        }
        batchesTracked = batchCounters.values().stream().mapToLong(NDArray::getLong).max().orElse(0);
    }

    /** Writes {@link #stateDict()} as an {@code .npz} that {@code torch.load}-side code reads with numpy. */
    public void saveStateDict(Path npz) {
        Npz.write(npz, stateDict());
    }

    /**
     * The live arrays of every parameter and buffer under its PyTorch name, in the reference order, with
     * {@code num_batches_tracked} (int64 scalar: batches trained since initialisation) after each BatchNorm.
     * The arrays belong to the model: do not close them.
     */
    public Map<String, NDArray> stateDict() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        block.parameters().forEach((name, parameter) -> {
            state.put(name, parameter.getArray());
            String counter = name.replace("running_var", StateDict.BATCHES_TRACKED);
            if (batchCounters.containsKey(counter)) {
                NDArray count = batchCounters.get(counter);
                InPlaceCopy.into(count, batchesTracked);
                state.put(counter, count);
            }
        });
        return state;
    }

    /**
     * The learnable parameters (all but the BatchNorm running statistics) under their PyTorch names, in the
     * reference order, for the optimizer; frozen ones ({@link Parameter#freeze}) included.
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> learnable = new LinkedHashMap<>();
        block.parameters().forEach((name, parameter) -> {
            if (parameter.getType() != Parameter.Type.RUNNING_MEAN && parameter.getType() != Parameter.Type.RUNNING_VAR) {
                learnable.put(name, parameter);
            }
        });
        return Collections.unmodifiableMap(learnable);
    }

    /**
     * The gradient of every parameter that is not frozen (PyTorch names) after a backward pass, as arrays owned by
     * {@code owner} (DJL would otherwise attach each gradient handle to the model's manager and keep it until
     * the model closes). Results of operations on them also go to {@code owner}, so use a per-batch manager.
     * libtorch adds each backward pass into these arrays: call {@link #zeroGradients()} after the update.
     */
    public Map<String, NDArray> gradients(NDManager owner) {
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        namedParameters().forEach((name, parameter) -> {
            if (parameter.requiresGradient()) {
                NDArray gradient = parameter.getArray().getGradient();
                gradient.attach(owner);
                gradients.put(name, gradient);
            }
        });
        return gradients;
    }

    /** Sets every parameter gradient to zero (libtorch accumulates them over backward passes). */
    public void zeroGradients() {
        try (NDManager scratch = manager.newSubManager(); NoGrad noGrad = NoGrad.enter()) {
            gradients(scratch).values().forEach(gradient -> gradient.muli(0));
        }
    }

    /**
     * Runs the network on {@code x (B, C, L)}: {@code NDList(logits (B, 6), A1, ..., A5)} (see {@link LgaEcg}).
     * With {@code training} dropout acts and BatchNorm uses and updates batch statistics.
     * Gradients are recorded only inside a {@code GradientCollector}.
     *
     * @throws EcgLabException when {@code x} is not {@code (B, C, L)} with this model's C and L a multiple of 256
     */
    public NDList forward(NDArray x, boolean training) {
        NDArray input = checked(x);
        if (training) {
            batchesTracked++;
        }
        return block.forward(store, new NDList(input), training);
    }

    /**
     * The gradient of {@code objective} with respect to the input, the network in eval mode: what integrated
     * gradients and saliency need. The parameters are frozen meanwhile, so backward skips their gradients
     * (about a quarter less work) and leaves theirs untouched. Models on different threads run side by side
     * ({@link ThreadGradient}: DJL's collector would allow one at a time per process); one model, one thread at a time.
     *
     * @param x input {@code (B, C, L)}; not modified
     * @param objective maps the forward outputs ({@code logits, A1..A5}) to the scalar to differentiate,
     *     e.g. {@code out -> out.get(0).get(":, 3").sum()} for class SB of every exam
     * @return {@code d objective / d x}, shape of {@code x}, owned by {@code x}'s manager
     */
    public NDArray inputGradient(NDArray x, Function<NDList, NDArray> objective) {
        NDArray input = checked(x).duplicate();
        input.setRequiresGradient(true);
        List<Parameter> learning = namedParameters().values().stream().filter(Parameter::requiresGradient).toList();
        learning.forEach(parameter -> parameter.freeze(true));
        try {
            ThreadGradient.backward(() -> objective.apply(block.forward(store, new NDList(input), false)));
            return input.getGradient();
        } finally {
            learning.forEach(parameter -> parameter.freeze(false));
        }
    }

    /** Inference on any thread: eval-mode {@link #forward} with gradient recording off ({@link NoGrad}). */
    public NDList predict(NDArray x) {
        try (NoGrad noGrad = NoGrad.enter()) {
            return forward(x, false);
        }
    }

    /** The front-end feature map {@code (B, 64, L/8)} in eval mode (reference {@code model.frontend(x)}). */
    public NDArray frontEnd(NDArray x) {
        return block.frontEnd().forward(store, new NDList(checked(x)), false).head();
    }

    private NDArray checked(NDArray x) {
        Shape shape = x.getShape();
        if (shape.dimension() != 3 || shape.get(1) != inChannels() || shape.get(2) % 256 != 0) {
            throw new EcgLabException("model input has shape " + shape + " but LGA-ECG expects (B, "
                    + inChannels() + ", " + LgaEcg.LENGTH + "); select " + inChannels()
                    + " leads and resample to 250 Hz");
        }
        return x.toDevice(device, false);
    }

    /** Number of trainable parameters: 935,110 for 12 leads, 930,630 for 2. */
    public long parameterCount() {
        return namedParameters().values().stream().mapToLong(p -> p.getShape().size()).sum();
    }

    /** Number of input leads C. */
    public int inChannels() {
        return block.inChannels();
    }

    /** The device that holds the parameters and runs the forward pass. */
    public Device device() {
        return device;
    }

    /** The manager owning the parameters; make per-batch sub-managers from it. */
    public NDManager manager() {
        return manager;
    }

    /** The network block itself (for its {@link LgaEcg#frontEnd()} or DJL tooling). */
    public LgaEcg block() {
        return block;
    }

    /** Frees the parameters. */
    @Override
    public void close() {
        manager.close();
    }
}
