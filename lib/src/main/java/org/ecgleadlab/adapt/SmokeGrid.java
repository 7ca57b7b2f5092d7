package org.ecgleadlab.adapt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.data.synthetic.SyntheticDefaults;
import org.ecgleadlab.explain.RankedSubsets;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.train.TrainingListener;

/**
 * The whole adaptation grid at a size a notebook or a CI check can afford: every strategy on Top-1/2/3, Bottom-3 with
 * reduced channels and the 12-lead baseline, trained for {@value #EPOCHS} epoch on {@value #TRAIN_EXAMS} exams of the
 * synthetic default. It exercises exactly the code of {@code reproduce-tables}; its numbers test that wiring and say
 * nothing about the strategies (models this briefly trained predict almost nothing).
 *
 * <p>The subsets, split seed and baseline come from rank-leads' {@code runs/rank-leads/ranking.json} when it exists
 * (as {@code reproduce-tables} takes them), otherwise from the paper (V1 / V1,I / V1,I,II; III,aVL,aVF) with split seed
 * 1 and the shipped checkpoint. Runs are keyed like every grid's, so a second call with the same inputs reuses them.
 */
public final class SmokeGrid {
    /** Training exams of every trained run (a tenth of them are held out for validation). */
    public static final int TRAIN_EXAMS = 40;
    public static final int EPOCHS = 1;
    /** The seed of initialisation and shuffling, as {@code reproduce-tables}' default. */
    public static final long SEED = 1;
    private static final long DEFAULT_SPLIT_SEED = 1;

    private SmokeGrid() {
    }

    /**
     * Runs (or reuses) the smoke grid with its runs under {@code runs} and writes its tables and figures to
     * {@code output}; returns that folder.
     *
     * @param device     auto, cpu, gpu or gpu:N
     * @param checkpoint the 12-lead baseline; null for the ranking's checkpoint, else the shipped one
     * @param ranking    a rank-leads {@code ranking.json}; null or absent for the paper's subsets
     */
    public static ReproductionFolder run(String device, Path checkpoint, Path ranking, Path runs, Path output,
                                         TrainingListener listener) {
        RankingFile ranked = ranking != null && Files.isRegularFile(ranking) ? RankingFile.read(ranking) : null;
        List<LeadSubset> subsets = subsets(ranked);
        Path baseline = checkpoint != null ? checkpoint
                : ranked != null && ranked.provenance().checkpoint() != null ? Path.of(ranked.provenance().checkpoint())
                : DefaultCheckpoint.path();
        long splitSeed = ranked != null ? ranked.splitSeed() : DEFAULT_SPLIT_SEED;
        SyntheticDataset synthetic = SyntheticDefaults.ensureGenerated();
        AdaptationProfile profile = AdaptationProfile.QUICK.withEpochs(EPOCHS).withMaxTrainExams(TRAIN_EXAMS);
        AdaptationSetup setup = new AdaptationSetup(synthetic.code15(), synthetic.testPool(), baseline, profile,
                splitSeed, SEED, device);
        TableReproduction.run(setup, subsets.subList(0, 3), subsets.get(3), AdaptationResults.ThresholdChoice.PAPER,
                runs, output, listener);
        return ReproductionFolder.open(output);
    }

    /** Top-1, Top-2, Top-3 and Bottom-3 of {@code ranked}, or the paper's when it is null. */
    static List<LeadSubset> subsets(RankingFile ranked) {
        Map<String, List<Lead>> paper = RankedSubsets.of(PaperResults.TOP_3, PaperResults.BOTTOM_3);
        return paper.keySet().stream()
                .map(name -> new LeadSubset(name, ranked != null ? ranked.subset(name) : paper.get(name))).toList();
    }
}
