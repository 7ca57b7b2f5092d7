package org.ecgleadlab.adapt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.data.synthetic.SyntheticDataset;
import org.ecgleadlab.data.synthetic.SyntheticDefaults;
import org.ecgleadlab.explain.RankingFile;
import org.ecgleadlab.train.ConsoleProgress;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.train.TrainConfig;
import org.ecgleadlab.train.TrainingListener;
import org.ecgleadlab.util.ProjectPaths;

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

    /**
     * Where the smoke grid reads and writes, and on what it runs; start from {@link #defaults()}.
     *
     * @param device     auto, cpu, gpu or gpu:N
     * @param checkpoint the 12-lead baseline; null for the ranking's checkpoint, else the shipped one
     * @param ranking    a rank-leads {@code ranking.json}; null or absent for the paper's subsets
     * @param runs       the folder of the grid's runs (keyed, so reused by a second call)
     * @param output     where the tables and figures go
     * @param listener   told of training progress
     */
    public record Options(String device, Path checkpoint, Path ranking, Path runs, Path output,
                          TrainingListener listener) {
        /**
         * The notebooks' smoke grid: any device, rank-leads' ranking and checkpoint, runs and tables under
         * {@code runs/notebooks} (so chapter 04 reuses what chapter 03 ran), progress on the console.
         */
        public static Options defaults() {
            Path notebookRuns = ProjectPaths.runs().resolve("notebooks");
            return new Options("auto", null, ProjectPaths.runs().resolve("rank-leads").resolve(RankingFile.FILE_NAME),
                    notebookRuns.resolve("smoke-grid"), notebookRuns.resolve("smoke-tables"), new ConsoleProgress());
        }

        /** On another device: auto, cpu, gpu or gpu:N. */
        public Options withDevice(String newDevice) {
            return new Options(newDevice, checkpoint, ranking, runs, output, listener);
        }

        /** With another 12-lead baseline; null for the ranking's checkpoint, else the shipped one. */
        public Options withCheckpoint(Path newCheckpoint) {
            return new Options(device, newCheckpoint, ranking, runs, output, listener);
        }

        /** The subsets of another rank-leads {@code ranking.json}; null for the paper's. */
        public Options withRanking(Path newRanking) {
            return new Options(device, checkpoint, newRanking, runs, output, listener);
        }

        /** The grid's runs kept in {@code newRuns}, its tables and figures written to {@code newOutput}. */
        public Options withFolders(Path newRuns, Path newOutput) {
            return new Options(device, checkpoint, ranking, newRuns, newOutput, listener);
        }

        /** Training progress told to another listener ({@link TrainingListener#NONE}: silent). */
        public Options withListener(TrainingListener newListener) {
            return new Options(device, checkpoint, ranking, runs, output, newListener);
        }
    }

    private SmokeGrid() {
    }

    /** Runs (or reuses) the smoke grid and writes its tables and figures; returns that folder. */
    public static ReproductionFolder run(Options options) {
        Path ranking = options.ranking();
        RankingFile ranked = ranking != null && Files.isRegularFile(ranking) ? RankingFile.read(ranking) : null;
        List<LeadSubset> subsets = LeadSubset.rankedOrPaper(ranked);
        Path baseline = options.checkpoint() != null ? options.checkpoint()
                : ranked != null && ranked.provenance().checkpoint() != null ? Path.of(ranked.provenance().checkpoint())
                : DefaultCheckpoint.synthetic(); // the tables are measured on synthetic data
        long splitSeed = ranked != null ? ranked.splitSeed() : TrainConfig.DEFAULT_SPLIT_SEED;
        SyntheticDataset synthetic = SyntheticDefaults.ensureGenerated();
        AdaptationProfile profile = AdaptationProfile.QUICK.withEpochs(EPOCHS).withMaxTrainExams(TRAIN_EXAMS);
        AdaptationSetup setup = new AdaptationSetup(synthetic.code15(), synthetic.testPool(), baseline, profile,
                splitSeed, SEED, options.device());
        ReproduceTables.run(setup, subsets.subList(0, 3), subsets.get(3), AdaptationResults.ThresholdChoice.PAPER,
                options.runs(), options.output(), options.listener());
        return ReproductionFolder.open(options.output());
    }
}
