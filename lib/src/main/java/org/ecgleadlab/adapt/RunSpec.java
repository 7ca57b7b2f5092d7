package org.ecgleadlab.adapt;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.report.Fingerprint;
import org.ecgleadlab.util.RecordFields;

/**
 * Everything that determines the result of one (subset, strategy) run. Its {@link #key()} hashes only what changes
 * the model or its predictions (data fingerprints, leads, strategy, profile, seeds, and the baseline weights when the
 * strategy starts from them), so a finished run is found again after an interruption, and any change retrains.
 * Paths and the subset's display name are recorded but not hashed: moving the data folder reuses the runs.
 *
 * @param trainingData        the CODE-15%-format training directory
 * @param trainingFingerprint {@link DataFingerprint} of it
 * @param testPool            the CODE-TEST-format test pool
 * @param testPoolFingerprint {@link DataFingerprint} of it
 * @param subset              the leads the model sees
 * @param strategy            how the model is adapted
 * @param profile             epochs, learning rates, caps
 * @param splitSeed           seed of the train/validation split and of the test pool's halves (must match the ranking's)
 * @param seed                seed of initialisation and shuffling
 * @param baselineCheckpoint  the 12-lead checkpoint (used only by strategies that start from it)
 * @param baselineFingerprint {@link DataFingerprint} of it
 */
public record RunSpec(String trainingData, String trainingFingerprint, String testPool, String testPoolFingerprint,
                      LeadSubset subset, Strategy strategy, AdaptationProfile profile, long splitSeed, long seed,
                      String baselineCheckpoint, String baselineFingerprint) implements Serializable {

    /** The fields that change the result, in a fixed order. */
    Map<String, Object> keyFields() {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("trainingFingerprint", trainingFingerprint);
        fields.put("testPoolFingerprint", testPoolFingerprint);
        fields.put("leads", Lead.join(subset.leads()));
        fields.put("strategy", strategy.cliName());
        fields.put("splitSeed", splitSeed);
        if (strategy.trains()) {
            fields.put("seed", seed);
            fields.put("profile", profileFields());
        }
        if (strategy.startsFromBaseline()) {
            fields.put("baselineFingerprint", baselineFingerprint);
        }
        return fields;
    }

    private Map<String, Object> profileFields() {
        Map<String, Object> p = new TreeMap<>();
        p.put("epochs", profile.epochsFor(strategy));
        p.put("maxTrainExams", profile.maxTrainExams());
        p.put("batchSize", profile.batchSize());
        if (strategy == Strategy.FINETUNE_WITH_MASKING) {
            p.put("finetuneLearningRate", profile.finetuneLearningRate());
        } else {
            p.put("learningRateMax", profile.learningRateMax());
            p.put("learningRateMin", profile.learningRateMin());
        }
        return p;
    }

    /** A 12-hex-digit hash of {@link #keyFields()}: equal for runs that would produce the same model. */
    public String key() {
        return Fingerprint.ofJson(keyFields(), 12);
    }

    /** The folder name of this run: readable prefix, then the key ("top-2-v1-i__reduced-channels__3fa2…"). */
    public String folderName() {
        return subset.slug() + "__" + strategy.cliName() + "__" + key();
    }

    /** Everything about the run, readable, for its provenance file: key, subset and strategy first, then the rest. */
    public Map<String, Object> describe() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("key", key());
        all.put("subset", subset.name());
        all.put("leads", Lead.join(subset.leads()));
        all.put("strategy", strategy.cliName());
        all.put("strategyPaperName", strategy.paperName());
        all.put("inputChannels", strategy.inputTransform(subset.leads()).channels());
        RecordFields.of(this).forEach(all::putIfAbsent); // subset and strategy stay in the readable form above
        all.put("keyFields", keyFields());
        return all;
    }
}
