package org.ecgleadlab.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.LeadDropout;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;

/**
 * Every knob of one training run, with the paper's protocol as defaults (AdamW, cosine 1e-3 → 1e-6, weight
 * decay 0.01, patient-level 90/10 split). Build with {@link #builder()}.
 *
 * @param data        CODE-15%-format training folder (split 90/10 by patient into training and validation)
 * @param leads       the leads the model sees (all 12 for the baseline)
 * @param input       masked (12 channels, others zeroed) or reduced (only {@code leads}' channels)
 * @param epochs      passes over the training split
 * @param batchSize   exams per optimizer step (and per validation batch)
 * @param lrMax       learning rate at the first step
 * @param lrMin       learning rate approached at the last step (equal to {@code lrMax}: constant rate)
 * @param weightDecay AdamW's decoupled weight decay
 * @param seed        seed of initialisation, shuffling and dropout
 * @param splitSeed   seed of the patient-level split
 * @param maxExams    use only the first this many exams of {@code data} before splitting (0: all), for quick runs
 * @param device      "auto", "cpu", "gpu" or "gpu:N"
 * @param output      run folder: checkpoints, history, split
 * @param init        initial weights (checkpoint folder, run folder or PyTorch {@code .npz} state_dict), or null
 * @param resume      continue the run in {@code output} from its last completed epoch
 * @param strategy    label of the adaptation strategy this run belongs to, recorded in the provenance
 * @param leadDropout every training row keeps a random non-empty subset of the 12 leads, the others zeroed
 *                    ({@link LeadDropout}); validation rows keep one fixed seeded subset each. Needs all 12 leads,
 *                    masked input
 * @param fullLeadShare with {@code leadDropout}: the share of rows that keep all 12 leads
 * @param patientSplit split by patient 90/10 even where the data has an official split (PTB-XL's strat_fold,
 *                    used by default: folds 1–8 train, 9 validation)
 */
public record TrainConfig(Path data, List<Lead> leads, InputMode input, int epochs, int batchSize, double lrMax,
                          double lrMin, double weightDecay, long seed, long splitSeed, int maxExams, String device,
                          Path output, Path init, boolean resume, String strategy, boolean leadDropout,
                          double fullLeadShare, boolean patientSplit) {
    // Defaults, as constants so command-line options can show them.
    public static final int DEFAULT_EPOCHS = 10;
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final double DEFAULT_LR_MAX = 1e-3;
    public static final double DEFAULT_LR_MIN = 1e-6;
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;
    public static final long DEFAULT_SEED = 1;
    public static final long DEFAULT_SPLIT_SEED = 1;
    public static final String DEFAULT_DEVICE = "auto";
    public static final String DEFAULT_STRATEGY = "train";
    /** The provenance key present only in lead-dropout runs (its value names the subset distribution). */
    public static final String LEAD_DROPOUT_FIELD = "leadDropout";

    public TrainConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(output, "output");
        leads = List.copyOf(leads);
        if (leads.isEmpty()) {
            throw new EcgLabException("no lead selected; pass --leads with at least one lead, e.g. --leads II");
        }
        if (epochs < 1 || batchSize < 1) {
            throw new EcgLabException("epochs (" + epochs + ") and batch size (" + batchSize + ") must be at least 1");
        }
        if (!(lrMax >= lrMin && lrMin >= 0)) {
            throw new EcgLabException("learning rates must satisfy max ≥ min ≥ 0, got max " + lrMax + ", min " + lrMin);
        }
        if (weightDecay < 0 || maxExams < 0) {
            throw new EcgLabException("weight decay (" + weightDecay + ") and max exams (" + maxExams
                    + ") must not be negative");
        }
        if (leadDropout && (input != InputMode.MASKED || leads.size() != Lead.COUNT)) {
            throw new EcgLabException("--lead-dropout trains the 12-input model on random subsets of all 12 leads; "
                    + "drop --leads and --input (it needs all leads, masked input)");
        }
        if (!(fullLeadShare >= 0 && fullLeadShare <= 1)) {
            throw new EcgLabException("--full-lead-share is " + fullLeadShare + "; use a fraction from 0 to 1");
        }
    }

    /** The dropout of training rows (fresh subsets per epoch), or null without {@code leadDropout}. */
    public LeadDropout trainingDropout() {
        return leadDropout ? LeadDropout.perEpoch(seed, fullLeadShare) : null;
    }

    /** The dropout of validation rows (one fixed subset per exam), or null without {@code leadDropout}. */
    public LeadDropout validationDropout() {
        return leadDropout ? LeadDropout.perEpoch(seed, fullLeadShare).fixed() : null;
    }

    /** The model's input channel count: 12 when masking, the subset size when reduced. */
    public int inputChannels() {
        return input == InputMode.REDUCED ? leads.size() : Lead.COUNT;
    }

    /**
     * The fields that decide the weights a run ends with; a resumed run must agree on all of them with the
     * checkpoint it continues (the device, output folder and resume flag may change).
     */
    public Map<String, Object> trainingFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("data", data.toAbsolutePath().normalize().toString());
        fields.put("leads", Lead.join(leads));
        fields.put("input", input.cliName());
        fields.put("inputChannels", inputChannels());
        fields.put("epochs", epochs);
        fields.put("batchSize", batchSize);
        fields.put("lrMax", lrMax);
        fields.put("lrMin", lrMin);
        fields.put("weightDecay", weightDecay);
        fields.put("seed", seed);
        fields.put("splitSeed", splitSeed);
        fields.put("maxExams", maxExams);
        fields.put("init", init == null ? "" : init.toAbsolutePath().normalize().toString());
        fields.put("strategy", strategy);
        if (leadDropout) { // only when on, so runs without it keep the fields (and resume keys) they always had
            fields.put(LEAD_DROPOUT_FIELD, "size-uniform");
            fields.put("fullLeadShare", fullLeadShare);
        }
        if (patientSplit) { // recorded only when set, so runs made before the option existed still resume
            fields.put("patientSplit", true);
        }
        return fields;
    }

    /** Everything, readable, for the provenance record. */
    public Map<String, Object> describe() {
        Map<String, Object> all = trainingFields();
        all.put("device", device);
        all.put("output", output.toAbsolutePath().normalize().toString());
        all.put("resume", resume);
        return all;
    }

    /** A builder with the paper's defaults and the synthetic default data. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().data(data).leads(leads).input(input).epochs(epochs).batchSize(batchSize)
                .learningRates(lrMax, lrMin).weightDecay(weightDecay).seed(seed).splitSeed(splitSeed)
                .maxExams(maxExams).device(device).output(output).init(init).resume(resume).strategy(strategy)
                .leadDropout(leadDropout, fullLeadShare).patientSplit(patientSplit);
    }

    /** Collects the knobs; unset ones keep the paper's defaults. */
    public static final class Builder {
        private Path data = ProjectPaths.syntheticData().resolve("code15");
        private List<Lead> leads = List.of(Lead.values());
        private InputMode input = InputMode.MASKED;
        private int epochs = DEFAULT_EPOCHS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private double lrMax = DEFAULT_LR_MAX;
        private double lrMin = DEFAULT_LR_MIN;
        private double weightDecay = DEFAULT_WEIGHT_DECAY;
        private long seed = DEFAULT_SEED;
        private long splitSeed = DEFAULT_SPLIT_SEED;
        private int maxExams;
        private String device = DEFAULT_DEVICE;
        private Path output;
        private Path init;
        private boolean resume;
        private String strategy = DEFAULT_STRATEGY;
        private boolean leadDropout;
        private double fullLeadShare;
        private boolean patientSplit;

        private Builder() {
        }

        public Builder data(Path value) {
            data = value;
            return this;
        }

        public Builder leads(List<Lead> value) {
            leads = value;
            return this;
        }

        public Builder input(InputMode value) {
            input = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** Cosine schedule from {@code max} down to {@code min}; equal values give a constant rate. */
        public Builder learningRates(double max, double min) {
            lrMax = max;
            lrMin = min;
            return this;
        }

        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder splitSeed(long value) {
            splitSeed = value;
            return this;
        }

        public Builder maxExams(int value) {
            maxExams = value;
            return this;
        }

        public Builder device(String value) {
            device = value;
            return this;
        }

        public Builder output(Path value) {
            output = value;
            return this;
        }

        public Builder init(Path value) {
            init = value;
            return this;
        }

        public Builder resume(boolean value) {
            resume = value;
            return this;
        }

        public Builder strategy(String value) {
            strategy = value;
            return this;
        }

        /** Lead dropout on or off; {@code fullShare} of the training rows keep all 12 leads. */
        public Builder leadDropout(boolean on, double fullShare) {
            leadDropout = on;
            fullLeadShare = fullShare;
            return this;
        }

        public Builder patientSplit(boolean value) {
            patientSplit = value;
            return this;
        }

        /**
         * The configuration; without an output folder, {@code runs/train-<leads>-<input>} ("train-12-lead-masked"),
         * or {@code runs/train-12-lead-dropout} with lead dropout.
         */
        public TrainConfig build() {
            String leadsName = leads.size() == Lead.COUNT ? "12-lead" : Lead.slug(leads);
            String name = leadDropout ? "train-12-lead-dropout" : "train-" + leadsName + "-" + input.cliName();
            Path out = output != null ? output : ProjectPaths.runs().resolve(name);
            return new TrainConfig(data, leads, input, epochs, batchSize, lrMax, lrMin, weightDecay, seed, splitSeed,
                    maxExams, device, out, init, resume, strategy, leadDropout, fullLeadShare, patientSplit);
        }
    }
}
