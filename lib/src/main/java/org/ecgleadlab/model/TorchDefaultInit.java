package org.ecgleadlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * PyTorch's default initialisation of the LGA-ECG's layers: conv and linear weights and biases uniform in ±1/√fan_in
 * (kaiming-uniform with a = √5), drawn module by module in state-dict order from one {@link Random}, so a seed gives
 * the same weights on every machine. Norms keep DJL's 1 and 0, which are PyTorch's too.
 */
final class TorchDefaultInit {
    private TorchDefaultInit() {
    }

    static void apply(LgaEcg block, Random random) {
        for (Map.Entry<String, Block> module : block.modules().entrySet()) {
            Map<String, Parameter> parameters = new LinkedHashMap<>();
            module.getValue().getDirectParameters().values().forEach(p -> parameters.put(p.getName(), p));
            Parameter weight = parameters.get("weight");
            if (weight == null || weight.getShape().dimension() < 2) {
                continue; // a norm
            }
            Shape shape = weight.getShape();
            double bound = 1.0 / Math.sqrt((double) shape.size() / shape.get(0));
            fillUniform(weight.getArray(), bound, random);
            Parameter bias = parameters.get("bias");
            if (bias != null) {
                fillUniform(bias.getArray(), bound, random);
            }
        }
    }

    private static void fillUniform(NDArray array, double bound, Random random) {
        float[] values = new float[Math.toIntExact(array.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        InPlaceCopy.into(array, values);
    }
}
