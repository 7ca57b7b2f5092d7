package org.ecgleadlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.util.EcgLabException;

/**
 * PyTorch {@code state_dict} interop: checks a set of named arrays (read from an {@code .npz} by {@link Npz})
 * against a model's state dict and copies them in. Names are the reference's ({@code frontend.conv_in.weight},
 * {@code transformer_layers.0.attn.proj_Q.weight}, ...); see {@link LgaEcg#parameters()}.
 */
public final class StateDict {
    /** Suffix of PyTorch's BatchNorm batch counter (int64 scalar), tolerated on import, written on export. */
    public static final String BATCHES_TRACKED = "num_batches_tracked";

    private StateDict() {
    }

    /**
     * Checks that {@code source} has exactly the keys of {@code target} (a missing {@code num_batches_tracked}
     * is tolerated) with the same shapes.
     *
     * @param origin what {@code source} came from (a file name), for the message
     * @throws EcgLabException naming the first wrong key with both shapes
     */
    public static void verify(Map<String, NDArray> source, Map<String, NDArray> target, String origin) {
        List<String> unexpected = new ArrayList<>();
        for (Map.Entry<String, NDArray> entry : source.entrySet()) {
            NDArray expected = target.get(entry.getKey());
            if (expected == null) {
                unexpected.add(entry.getKey());
            } else if (!expected.getShape().equals(entry.getValue().getShape())) {
                throw new EcgLabException(origin + ": key '" + entry.getKey() + "' has shape "
                        + entry.getValue().getShape() + " but the model expects " + expected.getShape()
                        + hint(entry.getKey(), entry.getValue().getShape()));
            }
        }
        String unexpectedText = unexpected.isEmpty() ? "" : "; the file has unexpected key '" + unexpected.get(0)
                + "' with shape " + source.get(unexpected.get(0)).getShape();
        for (Map.Entry<String, NDArray> entry : target.entrySet()) {
            if (!source.containsKey(entry.getKey()) && !entry.getKey().endsWith(BATCHES_TRACKED)) {
                throw new EcgLabException(origin + ": missing key '" + entry.getKey() + "' (model expects shape "
                        + entry.getValue().getShape() + ")" + unexpectedText
                        + "; give a state_dict of the LGA-ECG reference model (keys as in lga-ecg-spec.md)");
            }
        }
        if (unexpected.isEmpty()) {
            source.forEach((key, array) -> requireFinite(key, array, origin));
        } else {
            throw new EcgLabException(origin + ": unexpected key '" + unexpected.get(0) + "' with shape "
                    + source.get(unexpected.get(0)).getShape() + " (the model has no such parameter, shape none)"
                    + "; remove it or give a state_dict of the LGA-ECG reference model");
        }
    }

    /**
     * A NaN or infinite weight would surface far away (as probabilities outside [0, 1]); name the file and tensor
     * here instead.
     */
    static void requireFinite(String key, NDArray array, String origin) {
        if (!array.getDataType().isFloating()) {
            return;
        }
        long bad;
        try (NDArray nan = array.isNaN(); NDArray infinite = array.isInfinite();
                NDArray either = nan.logicalOr(infinite); NDArray count = either.countNonzero()) {
            bad = count.getLong();
        }
        if (bad > 0) {
            throw new EcgLabException(origin + ": tensor '" + key + "' holds " + bad + " NaN or infinite value(s) of "
                    + array.size() + "; these weights are broken (a diverged training or a damaged file): use an"
                    + " earlier checkpoint (checkpoints/epoch-NNN of its run) or train again with a lower --lr-max");
        }
    }

    private static String hint(String key, Shape shape) {
        if (key.equals("frontend.conv_in.weight") && shape.dimension() == 3) {
            return "; the file is for " + shape.get(1) + " input leads, build the model with that many";
        }
        return "; give a state_dict of the LGA-ECG reference model (shapes as in lga-ecg-spec.md)";
    }

    /**
     * Copies every array of {@code source} into the array of {@code target} with the same key (after
     * {@link #verify}), converting the data type where needed (e.g. float64 weights, int32 counters).
     */
    public static void copy(Map<String, NDArray> source, Map<String, NDArray> target) {
        for (Map.Entry<String, NDArray> entry : source.entrySet()) {
            InPlaceCopy.into(target.get(entry.getKey()), entry.getValue());
        }
    }
}
