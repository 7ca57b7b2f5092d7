package org.ecgleadlab.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ecgleadlab.data.GainAugmentation;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.LeadDropout;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;
import org.ecgleadlab.util.RecordBuilder;
import org.ecgleadlab.util.RecordFields;

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
 * @param output      run folder: checkpoints, history, split (null: {@code runs/train-<leads>-<input>})
 * @param init        initial weights (checkpoint folder, run folder or PyTorch {@code .npz} state_dict), or null
 * @param resume      continue the run in {@code output} from its last completed epoch
 * @param strategy    label of the adaptation strategy this run belongs to, recorded in the provenance
 * @param leadDropout every training row keeps a random non-empty subset of the 12 leads, the others zeroed
 *                    ({@link LeadDropout}); validation rows keep one fixed seeded subset each. Needs all 12 leads,
 *                    masked input
 * @param fullLeadShare with {@code leadDropout}: the share of rows that keep all 12 leads
 * @param patientSplit split by patient 90/10 even where the data has an official split (PTB-XL's strat_fold,
 *                    used by default: folds 1–8 train, 9 validation)
 * @param moreData    further labelled folders trained on together with {@code data} (exam ids must not repeat
 *                    across them); empty for one folder
 * @param onlyExams   train and validate only on these exam ids of the data (a cross-validation fold), empty for
 *                    every exam; an id the data lacks is an error
 * @param balanced    class-balanced sampling: each training exam of a rare class is repeated so that every class
 *                    is seen about as often as the most frequent one ({@link BalancedSampling})
 * @param gainAugment random recording gain of training rows up to this factor ({@link GainAugmentation}); 0 for
 *                    none
 */
public record TrainConfig(Path data, List<Lead> leads, InputMode input, int epochs, int batchSize, double lrMax,
                          double lrMin, double weightDecay, long seed, long splitSeed, int maxExams, String device,
                          Path output, Path init, boolean resume, String strategy, boolean leadDropout,
                          double fullLeadShare, boolean patientSplit, List<Path> moreData, List<Long> onlyExams,
                          boolean balanced, double gainAugment) {
    // Defaults, as constants so command-line options can show them.
    public static final int DEFAULT_EPOCHS = 10;
    public static final int DEFAULT_BATCH_SIZE = 32;
    public static final double DEFAULT_LR_MAX = 1e-3;
    public static final double DEFAULT_LR_MIN = 1e-6;
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;
    public static final long DEFAULT_SEED = 1;
    /** The one default split seed: training's, which ranking, subset search and adaptation must share. */
    public static final long DEFAULT_SPLIT_SEED = 1;
    public static final String DEFAULT_DEVICE = "auto";
    public static final String DEFAULT_STRATEGY = "train";
    /** The provenance key present only in lead-dropout runs (its value names the subset distribution). */
    public static final String LEAD_DROPOUT_FIELD = "leadDropout";
    /** Components that say where and how a run goes on, so they may change when it resumes: never training fields. */
    public static final Set<String> FREE_ON_RESUME = Set.of("device", "output", "resume");

    public TrainConfig {
        Objects.requireNonNull(data, "data");
        leads = List.copyOf(leads);
        moreData = moreData == null ? List.of() : List.copyOf(moreData);
        onlyExams = onlyExams == null ? List.of() : List.copyOf(onlyExams);
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
        if (gainAugment != 0) {
            new GainAugmentation(seed, gainAugment); // its check, with the option's name
        }
        if (output == null) {
            output = defaultOutput(leads, input, leadDropout);
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

    /** The gain augmentation of training rows, or null without {@code gainAugment}. */
    public GainAugmentation trainingGain() {
        return gainAugment == 0 ? null : new GainAugmentation(seed, gainAugment);
    }

    /** Every training folder: {@code data}, then {@code moreData}. */
    public List<Path> folders() {
        List<Path> all = new java.util.ArrayList<>();
        all.add(data);
        all.addAll(moreData);
        return List.copyOf(all);
    }

    /** The model's input channel count: 12 when masking, the subset size when reduced. */
    public int inputChannels() {
        return input == InputMode.REDUCED ? leads.size() : Lead.COUNT;
    }

    /**
     * The fields that decide the weights a run ends with, in declaration order; a resumed run must agree on all of
     * them with the checkpoint it continues. A component added to the record joins them by itself: a flag only when
     * set, any other value always, which makes runs recorded before it existed refuse to resume unless a case below
     * leaves it out at its old behaviour.
     */
    public Map<String, Object> trainingFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        RecordFields.of(this).forEach((name, value) -> {
            Object recorded = FREE_ON_RESUME.contains(name) ? null : switch (name) {
                case "leads" -> Lead.join(leads);
                case "input" -> input.cliName();
                case LEAD_DROPOUT_FIELD -> leadDropout ? "size-uniform" : null;
                case "fullLeadShare" -> leadDropout ? fullLeadShare : null;
                // recorded only when used, so runs made before these existed still resume
                case "gainAugment" -> gainAugment == 0 ? null : gainAugment;
                case "moreData" -> moreData.isEmpty() ? null : String.join(",", moreData.stream()
                        .map(p -> p.toAbsolutePath().normalize().toString()).toList());
                case "onlyExams" -> onlyExams.isEmpty() ? null : String.join(",", onlyExams.stream()
                        .map(String::valueOf).toList());
                default -> recorded(value);
            };
            if (recorded != null) {
                fields.put(name, recorded);
            }
            if (name.equals("input")) {
                fields.put("inputChannels", inputChannels());
            }
        });
        return fields;
    }

    /** A value as a training field: a path absolute, no path as "", an unset flag not at all (null). */
    private static Object recorded(Object value) {
        if (Boolean.FALSE.equals(value)) {
            return null; // so that runs made before a flag existed keep their fields, and still resume
        }
        if (value instanceof Path path) {
            return path.toAbsolutePath().normalize().toString();
        }
        return value == null ? "" : value;
    }

    /** The run folder a configuration without {@code output} gets: {@code runs/train-<leads>-<input>}. */
    private static Path defaultOutput(List<Lead> leads, InputMode input, boolean leadDropout) {
        String leadsName = leads.size() == Lead.COUNT ? "12-lead" : Lead.slug(leads);
        String name = leadDropout ? "train-12-lead-dropout" : "train-" + leadsName + "-" + input.cliName();
        return ProjectPaths.runs().resolve(name);
    }

    /** A builder with the paper's defaults and the synthetic default data. */
    public static Builder builder() {
        return new Builder(new RecordBuilder<>(TrainConfig.class))
                .data(ProjectPaths.syntheticData().resolve("code15")).leads(List.of(Lead.values()))
                .input(InputMode.MASKED).epochs(DEFAULT_EPOCHS).batchSize(DEFAULT_BATCH_SIZE)
                .learningRates(DEFAULT_LR_MAX, DEFAULT_LR_MIN).weightDecay(DEFAULT_WEIGHT_DECAY).seed(DEFAULT_SEED)
                .splitSeed(DEFAULT_SPLIT_SEED).device(DEFAULT_DEVICE).strategy(DEFAULT_STRATEGY);
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(RecordBuilder.from(this));
    }

    /**
     * Collects the knobs; unset ones keep the paper's defaults, and without an output folder the run goes to
     * {@code runs/train-<leads>-<input>} ("train-12-lead-masked"), or {@code runs/train-12-lead-dropout}.
     */
    public static final class Builder {
        private final RecordBuilder<TrainConfig> parts;

        private Builder(RecordBuilder<TrainConfig> parts) {
            this.parts = parts;
        }

        private Builder set(String component, Object value) {
            parts.set(component, value);
            return this;
        }

        // What the model is trained on.
        public Builder data(Path value) { return set("data", value); }
        public Builder leads(List<Lead> value) { return set("leads", value); }
        public Builder input(InputMode value) { return set("input", value); }
        public Builder maxExams(int value) { return set("maxExams", value); }
        public Builder patientSplit(boolean value) { return set("patientSplit", value); }
        public Builder moreData(List<Path> value) { return set("moreData", value); }
        public Builder onlyExams(List<Long> value) { return set("onlyExams", value); }
        public Builder balanced(boolean value) { return set("balanced", value); }
        public Builder gainAugment(double value) { return set("gainAugment", value); }

        /** Every training folder: the first becomes {@code data}, the rest {@code moreData}. */
        public Builder folders(List<Path> value) {
            if (value.isEmpty()) {
                throw new EcgLabException("no training folder given; pass --data DIR (several: --data A,B)");
            }
            return data(value.get(0)).moreData(value.subList(1, value.size()));
        }

        /** Lead dropout on or off; {@code fullShare} of the training rows keep all 12 leads. */
        public Builder leadDropout(boolean on, double fullShare) {
            return set(LEAD_DROPOUT_FIELD, on).set("fullLeadShare", fullShare);
        }

        // How it is trained.
        public Builder init(Path value) { return set("init", value); }
        public Builder epochs(int value) { return set("epochs", value); }
        public Builder batchSize(int value) { return set("batchSize", value); }
        public Builder weightDecay(double value) { return set("weightDecay", value); }
        public Builder seed(long value) { return set("seed", value); }
        public Builder splitSeed(long value) { return set("splitSeed", value); }

        /** Cosine schedule from {@code max} down to {@code min}; equal values give a constant rate. */
        public Builder learningRates(double max, double min) {
            return set("lrMax", max).set("lrMin", min);
        }

        // Where it runs and what it is recorded as.
        public Builder device(String value) { return set("device", value); }
        public Builder output(Path value) { return set("output", value); }
        public Builder resume(boolean value) { return set("resume", value); }
        public Builder strategy(String value) { return set("strategy", value); }

        public TrainConfig build() {
            return parts.build();
        }
    }
}
