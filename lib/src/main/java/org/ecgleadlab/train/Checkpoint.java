package org.ecgleadlab.train;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.report.Json;
import org.ecgleadlab.util.EcgLabException;

/**
 * Trained weights and, when they come from this toolkit, their provenance. A checkpoint folder holds
 * {@value #MODEL_FILE} (a PyTorch {@code state_dict} as {@code .npz}, loadable in PyTorch with
 * {@code {k: torch.from_numpy(v) for k, v in np.load(f).items()}}), {@value #OPTIMIZER_FILE} (AdamW state)
 * and {@value #INFO_FILE} ({@link CheckpointInfo}).
 *
 * @param modelFile the {@code state_dict} {@code .npz}
 * @param info      the provenance, absent for a bare {@code .npz} (e.g. exported from PyTorch)
 */
public record Checkpoint(Path modelFile, Optional<CheckpointInfo> info) {
    public static final String MODEL_FILE = "model.npz";
    public static final String OPTIMIZER_FILE = "optimizer.npz";
    public static final String INFO_FILE = "checkpoint.json";

    /**
     * Opens {@code path}: a checkpoint folder, a run folder (its best checkpoint), or a bare {@code .npz}
     * {@code state_dict}.
     */
    public static Checkpoint open(Path path) {
        if (Files.isRegularFile(path)) {
            if (!path.getFileName().toString().endsWith(".npz")) {
                throw new EcgLabException(path + ": not a weights file; give a checkpoint folder, a run folder or a "
                        + "PyTorch state_dict saved as .npz");
            }
            return new Checkpoint(path, Optional.empty());
        }
        if (Files.isRegularFile(path.resolve(INFO_FILE))) {
            return inFolder(path);
        }
        Path checkpoints = path.resolve("checkpoints");
        Optional<CheckpointStore.Pointer> pointer = CheckpointStore.readPointer(checkpoints);
        if (pointer.isPresent()) {
            return inFolder(checkpoints.resolve(pointer.get().best()));
        }
        throw new EcgLabException(path + ": no weights found; expected a checkpoint folder (with " + INFO_FILE
                + "), a run folder (with checkpoints/" + CheckpointStore.POINTER_FILE + ") or a .npz state_dict");
    }

    /** The checkpoint in {@code folder}, which holds {@value #MODEL_FILE} and {@value #INFO_FILE}. */
    static Checkpoint inFolder(Path folder) {
        Path model = folder.resolve(MODEL_FILE);
        if (!Files.isRegularFile(model)) {
            throw new EcgLabException(folder + ": checkpoint without " + MODEL_FILE + "; it is incomplete, use "
                    + "another checkpoint or train again");
        }
        return new Checkpoint(model, Optional.of(readInfo(folder.resolve(INFO_FILE))));
    }

    static CheckpointInfo readInfo(Path file) {
        CheckpointInfo info = Json.read(file, CheckpointInfo.class, "the checkpoint description is cut short or"
                + " damaged (a copy stopped half-way?): give another checkpoint folder, the run folder (its best"
                + " checkpoint) or the bare " + MODEL_FILE + ", or train again");
        if (info.format() != CheckpointInfo.FORMAT || info.history() == null || info.leads() == null
                || info.input() == null || info.provenance() == null) {
            throw new EcgLabException(file + ": not a format-" + CheckpointInfo.FORMAT + " checkpoint description"
                    + " (fields format, leads, input, provenance, history); use another checkpoint or train again");
        }
        return info;
    }

    /** The model with these weights on {@code device}; its input channels come from the weights. */
    public LgaEcgModel loadModel(Device device) {
        return LgaEcgModel.load(modelFile, device);
    }

    /** The leads the model was trained on; all 12 for bare weights. */
    public List<Lead> leads() {
        return info.map(i -> Lead.parseList(i.leads())).orElse(List.of(Lead.values()));
    }

    /** How the model was fed its leads; masked for bare weights. */
    public InputMode input() {
        return info.map(i -> InputMode.parse(i.input())).orElse(InputMode.MASKED);
    }

    /** The folder holding the weights. */
    public Path folder() {
        return modelFile.toAbsolutePath().getParent();
    }
}
