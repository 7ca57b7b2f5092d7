package org.ecgleadlab.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgleadlab.model.LgaEcg;
import org.ecgleadlab.model.LgaEcgModel;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.Table;

/**
 * The LGA-ECG architecture as the paper's §4.1 describes it, read off a live model: one row per stage (the
 * convolutional front end, the five local-global attention blocks, the classifier head) with its layers, output and
 * attention shapes (from a forward pass of one zero exam) and its trainable parameters.
 *
 * @param inChannels the model's number of input leads
 * @param stages     the stages in forward order
 */
public record ModelSummary(int inChannels, List<Stage> stages) {
    /** Stage name of the classifier head (its parameters are {@code mlp.0} and {@code mlp.2}). */
    public static final String HEAD = "head (mlp)";

    /**
     * One stage of the network.
     *
     * @param name           {@code frontend}, {@code transformer_layers.i} or {@link #HEAD}
     * @param layers         parameter-owning layers by PyTorch type, e.g. {@code 4 Conv1d · 3 LayerNorm · 2 Linear}
     * @param outputShape    the stage's output for one exam, e.g. {@code (1, 160, 64)}
     * @param attentionShape the attention matrix {@code (1, heads, queries, keys)}, or empty for stages without one
     * @param parameters     trainable parameters of the stage
     */
    public record Stage(String name, String layers, String outputShape, String attentionShape, long parameters) {
    }

    /** Reads the stages off {@code model}, running one all-zero exam through it for the shapes. */
    public static ModelSummary of(LgaEcgModel model) {
        Map<String, Long> parameters = new LinkedHashMap<>();
        model.namedParameters().forEach((name, parameter) ->
                parameters.merge(stageOf(name), parameter.getShape().size(), Long::sum));
        Map<String, Map<String, Integer>> layers = new LinkedHashMap<>();
        for (Map.Entry<String, Block> module : model.block().modules().entrySet()) {
            layers.computeIfAbsent(stageOf(module.getKey()), k -> new LinkedHashMap<>())
                    .merge(pytorchType(module.getValue()), 1, Integer::sum);
        }
        List<Stage> stages = new ArrayList<>();
        try (NDManager manager = model.manager().newSubManager()) {
            NDArray zeros = manager.zeros(new Shape(1, model.inChannels(), LgaEcg.LENGTH));
            NDList outputs = model.predict(zeros);
            stages.add(stage("frontend", layers, model.frontEnd(zeros).getShape(), null, parameters));
            for (int i = 0; i < LgaEcg.BLOCKS; i++) {
                Shape attention = outputs.get(i + 1).getShape();
                Shape output = new Shape(1, attention.get(2), LgaEcg.HIDDEN);
                stages.add(stage("transformer_layers." + i, layers, output, attention, parameters));
            }
            stages.add(stage(HEAD, layers, outputs.head().getShape(), null, parameters));
        }
        return new ModelSummary(model.inChannels(), List.copyOf(stages));
    }

    private static Stage stage(String name, Map<String, Map<String, Integer>> layers, Shape output, Shape attention,
                               Map<String, Long> parameters) {
        List<String> counts = new ArrayList<>();
        layers.getOrDefault(name, Map.of()).forEach((type, count) -> counts.add(count + " " + type));
        return new Stage(name, String.join(" · ", counts), output.toString(),
                attention == null ? "" : attention.toString(), parameters.getOrDefault(name, 0L));
    }

    /** {@code frontend.layer2.conv1.weight} → {@code frontend}; {@code transformer_layers.3.mlp.0} → its block. */
    private static String stageOf(String name) {
        if (name.startsWith("frontend.")) {
            return "frontend";
        }
        if (name.startsWith("transformer_layers.")) {
            String[] parts = name.split("\\.");
            return parts[0] + "." + parts[1];
        }
        return HEAD;
    }

    /** The PyTorch name of a DJL layer type, as in the reference model's printout. */
    private static String pytorchType(Block block) {
        String type = block.getClass().getSimpleName();
        return type.equals("BatchNorm") ? "BatchNorm1d" : type;
    }

    /** Trainable parameters of the whole model (935,110 for 12 leads). */
    public long totalParameters() {
        return stages.stream().mapToLong(Stage::parameters).sum();
    }

    /** The stages as a table with a final "total" row. */
    public Table table() {
        Tables.Builder builder = Tables.builder("LGA-ECG, " + inChannels + " input lead" + (inChannels == 1 ? "" : "s"),
                "Stage", "Layers", "Output shape", "Attention (B, heads, queries, keys)", "Parameters");
        for (Stage stage : stages) {
            builder.row(stage.name(), stage.layers(), stage.outputShape(), stage.attentionShape(), stage.parameters());
        }
        builder.row("total", "", "", "", totalParameters());
        return builder.build();
    }

    /** Parameters per stage as bars (the attention blocks' MLPs double in width from block to block). */
    public CategoryChart parameterChart() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("parameters", stages.stream().mapToDouble(Stage::parameters).toArray());
        CategoryChart chart = Plots.bars("LGA-ECG parameters per stage (total " + String.format(Locale.ROOT, "%,d", totalParameters())
                + ")", "stage", "trainable parameters", stages.stream().map(Stage::name).toList(), series);
        chart.getStyler().setYAxisDecimalPattern("#,##0").setXAxisLabelRotation(30);
        return chart;
    }
}
