package org.ecgleadlab.adapt;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.ecgleadlab.train.Checkpoint;

/**
 * What every run of a grid shares: the data, the 12-lead baseline, the profile, the seeds and the device. Makes the
 * {@link RunSpec} of each (subset, strategy); fingerprints are computed once here.
 *
 * @param trainingData the CODE-15%-format folder the trained strategies learn from (split 90/10 by patient)
 * @param testPool     the CODE-TEST-format folders (CODE-TEST, AUDIT) split 50/50 into interpretability and
 *                     evaluation halves; metrics come from the evaluation half only
 * @param baseline     the 12-lead checkpoint (folder, run folder or {@code .npz}): the ranked model; null only
 *                     while the baseline itself is being trained
 * @param profile      epochs, learning rates, caps
 * @param splitSeed    seed of both splits; must equal the ranking's, so the evaluation half stays unseen by it
 * @param seed         seed of initialisation and shuffling of every trained run
 * @param device       "auto", "cpu", "gpu" or "gpu:N"
 */
public record AdaptationSetup(Path trainingData, List<Path> testPool, Path baseline, AdaptationProfile profile,
                              long splitSeed, long seed, String device) {

    public AdaptationSetup {
        testPool = List.copyOf(testPool);
    }

    /** The same setup with another 12-lead baseline. */
    public AdaptationSetup withBaseline(Path newBaseline) {
        return new AdaptationSetup(trainingData, testPool, newBaseline, profile, splitSeed, seed, device);
    }

    /** The baseline's {@code state_dict} file. */
    public Path baselineModel() {
        return Checkpoint.open(baseline).modelFile();
    }

    /** The specs of {@code cells}, in order, all bound to this setup. */
    public List<RunSpec> specs(List<AdaptationGrid.Cell> cells) {
        String trainingFingerprint = DataFingerprint.of(trainingData);
        String testFingerprint = testPool.stream().map(DataFingerprint::of).collect(Collectors.joining("+"));
        String baselineModel = baseline == null ? "" : baselineModel().toAbsolutePath().normalize().toString();
        String baselineFingerprint = baseline == null ? "none" : DataFingerprint.of(Path.of(baselineModel));
        String pool = testPool.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(","));
        return cells.stream().map(cell -> new RunSpec(trainingData.toAbsolutePath().normalize().toString(),
                trainingFingerprint, pool, testFingerprint, cell.subset(), cell.strategy(), profile, splitSeed, seed,
                baselineModel, baselineFingerprint)).toList();
    }
}
