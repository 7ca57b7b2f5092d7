package org.ecgleadlab.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecgleadlab.model.InPlaceCopy;
import org.ecgleadlab.model.Npz;
import org.ecgleadlab.util.EcgLabException;

/**
 * AdamW with PyTorch's semantics ({@code torch.optim.AdamW}): decoupled weight decay applied to the parameter
 * before the Adam step, bias-corrected first and second moments, and {@code eps} added after the square root.
 * Per parameter and step {@code t}:
 * <pre>
 *   p ← p·(1 − lr·λ)
 *   m ← m + (1 − β1)·(g − m)          v ← β2·v + (1 − β2)·g²
 *   p ← p − lr/(1 − β1^t) · m / (√v / √(1 − β2^t) + ε)
 * </pre>
 * The moments of all parameters live in one flat array each, so a step whose gradients cover every parameter (every
 * step of a training run) does the Adam arithmetic in a dozen operations over all weights at once instead of a dozen per
 * tensor; only the decay and the subtraction of the update stay per parameter. Each element sees the same operations in
 * the same order either way, so the result does not depend on the path.
 * Call {@link #step(double, Map)} only after the {@code GradientCollector} is closed: PyTorch refuses an in-place
 * update of a leaf tensor while gradients are being recorded. The state (m, v, step) is exported by
 * {@link #saveState(Path)} and restored by {@link #loadState(Path)} so a resumed run continues bit for bit.
 */
public final class AdamW implements AutoCloseable {
    /** State key of the step counter (an int64 scalar). */
    public static final String STEP_KEY = "step";
    /** State key prefix of the first moments, followed by the parameter name (PyTorch's {@code exp_avg}). */
    public static final String FIRST_MOMENT_PREFIX = "exp_avg.";
    /** State key prefix of the second moments, followed by the parameter name (PyTorch's {@code exp_avg_sq}). */
    public static final String SECOND_MOMENT_PREFIX = "exp_avg_sq.";

    /** Hyper-parameters other than the learning rate; {@link #pytorchDefaults()} are {@code torch.optim.AdamW}'s. */
    public record Settings(double weightDecay, double beta1, double beta2, double eps) {
        /** Weight decay 0.01, betas (0.9, 0.999), eps 1e-8. */
        public static Settings pytorchDefaults() {
            return new Settings(0.01, 0.9, 0.999, 1e-8);
        }

        /** The defaults with another weight decay. */
        public static Settings withWeightDecay(double weightDecay) {
            Settings d = pytorchDefaults();
            return new Settings(weightDecay, d.beta1, d.beta2, d.eps);
        }
    }

    private final Map<String, NDArray> parameters;
    private final Settings settings;
    private final NDManager stateManager;
    /** Where each parameter's elements start in the flat moments, in the order of {@link #parameters}. */
    private final Map<String, Long> offsets = new LinkedHashMap<>();
    private final long totalSize;
    private NDArray firstMoment;
    private NDArray secondMoment;
    /** Views of the flat moments shaped as each parameter: writes through to them. */
    private Map<String, NDArray> firstMoments;
    private Map<String, NDArray> secondMoments;
    private long step;

    /**
     * An optimizer over {@code parameters} (name → trainable array, updated in place). Its state lives in a
     * sub-manager of the first parameter's manager and is freed by {@link #close()}.
     */
    public AdamW(Map<String, NDArray> parameters, Settings settings) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("AdamW needs at least one parameter");
        }
        this.parameters = new LinkedHashMap<>(parameters);
        this.settings = settings;
        this.stateManager = parameters.values().iterator().next().getManager().newSubManager();
        long offset = 0;
        for (Map.Entry<String, NDArray> e : this.parameters.entrySet()) {
            offsets.put(e.getKey(), offset);
            offset += e.getValue().size();
        }
        this.totalSize = offset;
        useMoments(stateManager.zeros(new Shape(totalSize), DataType.FLOAT32),
                stateManager.zeros(new Shape(totalSize), DataType.FLOAT32));
    }

    /** Number of steps taken so far (PyTorch's {@code state['step']}). */
    public long stepCount() {
        return step;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * One update of every parameter that has an entry in {@code gradients} (name → gradient), with learning
     * rate {@code lr}; parameters without one are left alone, as PyTorch skips those whose {@code grad} is
     * None. Temporaries live in a scratch manager closed before returning. Zeroing the gradients for the next
     * batch is the caller's job (libtorch accumulates them).
     */
    public void step(double lr, Map<String, NDArray> gradients) {
        step++;
        double biasCorrection1 = 1 - Math.pow(settings.beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(settings.beta2, step));
        double stepSize = lr / biasCorrection1;
        double decay = 1 - lr * settings.weightDecay;
        try (NDManager scratch = stateManager.newSubManager()) {
            if (gradients.keySet().containsAll(parameters.keySet())) {
                NDList flat = new NDList(parameters.size());
                parameters.keySet().forEach(name -> flat.add(temporary(gradients.get(name).reshape(-1), scratch)));
                NDArray update = adamUpdate(temporary(NDArrays.concat(flat), scratch), firstMoment, secondMoment,
                        stepSize, biasCorrection2Sqrt, scratch);
                for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                    NDArray param = e.getValue();
                    param.muli(decay).subi(temporary(slice(update, e.getKey()), scratch));
                }
                return;
            }
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                NDArray grad = gradients.get(e.getKey());
                if (grad != null) {
                    NDArray param = e.getValue();
                    param.muli(decay).subi(adamUpdate(grad, firstMoments.get(e.getKey()),
                            secondMoments.get(e.getKey()), stepSize, biasCorrection2Sqrt, scratch));
                }
            }
        }
    }

    /**
     * Moves the moments {@code m} and {@code v} in place towards gradient {@code g} and returns the Adam update
     * {@code stepSize · m / (√v / biasCorrection2Sqrt + ε)} (PyTorch's order of operations), owned by {@code scratch}.
     */
    private NDArray adamUpdate(NDArray g, NDArray m, NDArray v, double stepSize, double biasCorrection2Sqrt,
                               NDManager scratch) {
        m.addi(temporary(g.sub(m), scratch).muli(1 - settings.beta1));
        v.muli(settings.beta2).addi(temporary(g.mul(g), scratch).muli(1 - settings.beta2));
        NDArray denom = temporary(v.sqrt(), scratch).divi(biasCorrection2Sqrt).addi(settings.eps);
        return temporary(m.div(denom), scratch).muli(stepSize);
    }

    /** A new result would attach to its first operand's manager (the state's or the caller's): move it to scratch. */
    private static NDArray temporary(NDArray result, NDManager scratch) {
        result.attach(scratch);
        return result;
    }

    /** Parameter {@code name}'s part of a flat array, shaped as the parameter (a view: writes go through). */
    private NDArray slice(NDArray flat, String name) {
        long start = offsets.get(name);
        NDArray parameter = parameters.get(name);
        return flat.get(new NDIndex("{}:{}", start, start + parameter.size())).reshape(parameter.getShape());
    }

    /** Makes {@code first} and {@code second} (flat, owned by the state manager) the moments, closing any before. */
    private void useMoments(NDArray first, NDArray second) {
        if (firstMoment != null) {
            firstMoments.values().forEach(NDArray::close);
            secondMoments.values().forEach(NDArray::close);
            firstMoment.close();
            secondMoment.close();
        }
        firstMoment = first;
        secondMoment = second;
        firstMoments = new LinkedHashMap<>();
        secondMoments = new LinkedHashMap<>();
        for (String name : parameters.keySet()) {
            firstMoments.put(name, slice(first, name));
            secondMoments.put(name, slice(second, name));
        }
    }

    /**
     * Writes the state as an {@code .npz} file: {@value #STEP_KEY} (int64), {@code exp_avg.<name>} and
     * {@code exp_avg_sq.<name>} (float32) for every parameter.
     */
    public void saveState(Path npz) {
        try (NDManager scratch = stateManager.newSubManager()) {
            Map<String, NDArray> state = new LinkedHashMap<>();
            state.put(STEP_KEY, scratch.create(new long[] {step}, new Shape(1)));
            for (String name : parameters.keySet()) {
                state.put(FIRST_MOMENT_PREFIX + name, firstMoments.get(name));
                state.put(SECOND_MOMENT_PREFIX + name, secondMoments.get(name));
            }
            Npz.write(npz, state);
        }
    }

    /** Restores a state written by {@link #saveState}; every parameter must have both moments, of its shape. */
    public void loadState(Path npz) {
        try (NDManager scratch = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> state = Npz.read(npz, scratch);
            NDArray stepArray = state.get(STEP_KEY);
            if (stepArray == null) {
                throw new EcgLabException(npz + " has no '" + STEP_KEY + "' entry; the checkpoint is incomplete, "
                        + "start the run again without --resume");
            }
            float[] first = new float[Math.toIntExact(totalSize)];
            float[] second = new float[first.length];
            for (String name : parameters.keySet()) {
                copyInto(npz, state, FIRST_MOMENT_PREFIX + name, name, first);
                copyInto(npz, state, SECOND_MOMENT_PREFIX + name, name, second);
            }
            useMoments(owned(first), owned(second));
            step = stepArray.toLongArray()[0];
        }
    }

    /**
     * A flat moment array in libtorch's own memory: {@code stateManager.create(float[])} would leave it in a Java
     * buffer that the garbage collector frees on its own schedule (see {@link InPlaceCopy}).
     */
    private NDArray owned(float[] values) {
        NDArray moments = stateManager.zeros(new Shape(values.length), DataType.FLOAT32);
        InPlaceCopy.into(moments, values);
        return moments;
    }

    /** Copies entry {@code key} of {@code state} into parameter {@code name}'s part of the flat {@code target}. */
    private void copyInto(Path npz, Map<String, NDArray> state, String key, String name, float[] target) {
        NDArray source = state.get(key);
        if (source == null) {
            throw new EcgLabException(npz + " has no entry '" + key + "'; it was written for another model, "
                    + "start the run again without --resume");
        }
        Shape shape = parameters.get(name).getShape();
        if (!source.getShape().equals(shape)) {
            throw new EcgLabException(npz + " entry '" + key + "' has shape " + source.getShape()
                    + " but the model needs " + shape + "; start the run again without --resume");
        }
        float[] values = source.toFloatArray();
        System.arraycopy(values, 0, target, Math.toIntExact(offsets.get(name)), values.length);
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
