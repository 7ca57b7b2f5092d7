package org.ecgleadlab.adapt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.adapt.AdaptationResults.RunResult;
import org.ecgleadlab.adapt.AdaptationResults.ThresholdChoice;
import org.ecgleadlab.adapt.ReproductionFolder.TableFile;
import org.ecgleadlab.data.Lead;
import org.ecgleadlab.metrics.Bootstrap;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.train.TrainingListener;
import tech.tablesaw.api.Table;

/**
 * The job behind {@code reproduce-tables}, the whole reproduction of §5.2–§5.3: runs (or reuses) every cell of the
 * grid, scores the evaluation half, and writes the {@link PaperTables}, their intervals, the paired tests, every metric
 * in long form, the figures, a Markdown report and a provenance record into one {@link ReproductionFolder}.
 */
public final class ReproduceTables {
    /**
     * What a reproduction produced.
     *
     * @param results every run's metrics, in grid order
     * @param tables  the tables, in the order they are printed
     * @param output  the output folder
     * @param reused  how many runs were found finished and reused
     */
    public record Outcome(List<RunResult> results, Map<TableFile, Table> tables, Path output, int reused) {
    }

    private ReproduceTables() {
    }

    /**
     * Trains a 12-lead model under {@code setup}'s profile (the 12-input architecture from scratch on all leads, so
     * nothing is masked) and returns the setup with it as the baseline: every row of the tables then has the same
     * training budget, as in the paper's unified protocol. The run is keyed and reused like any other.
     */
    public static AdaptationSetup withTrainedBaseline(AdaptationSetup setup, Path runs, TrainingListener listener,
                                                      GridRunner runner) {
        RunStore store = new RunStore(runs);
        RunSpec spec = setup.specs(List.of(new AdaptationGrid.Cell(LeadSubset.allLeads(), Strategy.TRAIN_WITH_MASKING)))
                .get(0);
        runner.run(List.of(spec), setup, store, listener);
        return setup.withBaseline(store.folder(spec).resolve(AdaptationRun.TRAINING_FOLDER));
    }

    /**
     * Runs the grid of {@code topSubsets} (× the four strategies) and {@code bottomSubset} (reduced channels, may be
     * null) with {@code setup}, each run in its own folder under {@code runs} (shared by every grid: runs are keyed
     * by their spec), then writes the tables, plots and report under {@code output}.
     */
    public static Outcome run(AdaptationSetup setup, List<LeadSubset> topSubsets, LeadSubset bottomSubset,
                              ThresholdChoice thresholds, Path runs, Path output, TrainingListener listener) {
        return run(setup, topSubsets, bottomSubset, thresholds, runs, output, listener, true);
    }

    /**
     * As {@link #run(AdaptationSetup, List, LeadSubset, ThresholdChoice, Path, Path, TrainingListener)}; with
     * {@code runMissing} false nothing is trained or scored: the tables show the runs already finished (a grid still
     * running elsewhere, or stopped half-way), which must include the baseline.
     */
    public static Outcome run(AdaptationSetup setup, List<LeadSubset> topSubsets, LeadSubset bottomSubset,
                              ThresholdChoice thresholds, Path runs, Path output, TrainingListener listener,
                              boolean runMissing) {
        return run(setup, topSubsets, bottomSubset, thresholds, runs, output, listener,
                runMissing ? GridRunner.IN_THIS_JVM : null);
    }

    /**
     * As above, the missing runs executed by {@code runner} (in this JVM, or on a cluster); with {@code runner} null
     * nothing runs and the tables show the runs already finished.
     */
    public static Outcome run(AdaptationSetup setup, List<LeadSubset> topSubsets, LeadSubset bottomSubset,
                              ThresholdChoice thresholds, Path runs, Path output, TrainingListener listener,
                              GridRunner runner) {
        RunStore store = new RunStore(runs);
        List<RunSpec> specs = setup.specs(AdaptationGrid.plan(topSubsets, bottomSubset));
        ReproductionFolder.writeHalves(output, AdaptationRun.halves(setup).membership());
        List<AdaptationGrid.CellResult> cells = runner != null
                ? runner.run(specs, setup, store, listener)
                : AdaptationGrid.finished(specs, store);
        Bootstrap bootstrap = new Bootstrap(setup.profile().bootstrapResamples(), setup.seed());
        List<RunResult> results = AdaptationResults.evaluate(cells, thresholds, bootstrap);

        Map<TableFile, Table> tables = TableFile.buildAll(results);
        int reused = (int) cells.stream().filter(AdaptationGrid.CellResult::reused).count();
        Outcome outcome = new Outcome(results, tables, output, reused);
        ReproductionFolder.write(output, results, tables, notes(outcome, setup, thresholds),
                provenance(setup, topSubsets, bottomSubset, thresholds));
        return outcome;
    }

    /** Notes printed under the tables: definitions, thresholds, data, the paper's numbers' origin. */
    public static List<String> notes(Outcome outcome, AdaptationSetup setup, ThresholdChoice thresholds) {
        RunResult any = outcome.results().get(0);
        List<String> notes = new ArrayList<>();
        notes.add(PaperTables.DEFINITIONS + ".");
        notes.add("Decisions: " + thresholds.describe() + ". Metrics on the evaluation half of the test pool ("
                + any.metrics().exams() + " exams), never the interpretability half.");
        notes.add("Ours: profile '" + setup.profile().name() + "', trained on " + setup.trainingData()
                + ", baseline " + setup.baseline() + ". " + PaperResults.SOURCE_NOTE + ".");
        notes.add("Paper columns of Table 1 are the paper's own Top-k rows (V1 / V1,I / V1,I,II), whatever our ranking"
                + " put there. 95 % intervals: " + setup.profile().bootstrapResamples()
                + " bootstrap resamples of exams (percentile).");
        return notes;
    }

    private static Provenance provenance(AdaptationSetup setup, List<LeadSubset> top, LeadSubset bottom,
                                         ThresholdChoice thresholds) {
        Provenance.Builder builder = Provenance.builder("reproduce-tables").data(setup.trainingData())
                .checkpoint(setup.baseline()).seed(setup.seed())
                .config("profile", setup.profile())
                .config("splitSeed", setup.splitSeed())
                .config("device", setup.device())
                .config("thresholds", thresholds.describe());
        setup.testPool().forEach(builder::data);
        for (LeadSubset subset : top) {
            builder.config("subset." + subset.name(), Lead.join(subset.leads()));
        }
        if (bottom != null) {
            builder.config("subset." + bottom.name(), Lead.join(bottom.leads()));
        }
        return builder.build();
    }
}
