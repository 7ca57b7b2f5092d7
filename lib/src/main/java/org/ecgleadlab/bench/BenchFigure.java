package org.ecgleadlab.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ecgleadlab.explain.RankLeads;
import org.ecgleadlab.model.LgaEcgModel;
import org.ecgleadlab.train.Checkpoint;
import org.ecgleadlab.train.DefaultCheckpoint;
import org.ecgleadlab.util.EcgLabException;

/**
 * What {@code bench} can measure, in the order it measures them: each figure says what it measures, how many progress
 * steps it takes and how it runs. {@link #option()} is its {@code --only} name and the start of its CSV figure names.
 */
public enum BenchFigure {
    MATMUL("square float32 matmul of --matmul-size: the device's peak through libtorch, GFLOP/s") {
        @Override
        void measure(FigureContext context) {
            int n = context.options().matmulSize();
            context.reportModelFigure("matmul " + n, "GFLOP/s", 1, (bench, warmup, runs, steps) ->
                    bench.matmul(n, warmup, runs, steps));
        }
    },
    INFERENCE("eval-mode forward passes of LGA-ECG without gradients, samples/s") {
        @Override
        void measure(FigureContext context) {
            context.reportModelFigure("inference", "samples/s", ModelBenchmark.FORWARD_GFLOP_PER_SAMPLE,
                    ModelBenchmark::inference);
        }
    },
    TRAINING("training steps as train takes them (forward, BCE, backward, AdamW), samples/s") {
        @Override
        void measure(FigureContext context) {
            context.reportModelFigure("training", "samples/s", 3 * ModelBenchmark.FORWARD_GFLOP_PER_SAMPLE,
                    ModelBenchmark::training);
        }
    },
    BARE_TRAINING("the bare DJL step training is held against (device-resident batch, batch statistics, no "
            + "dropout, BCE, backward, in-place SGD), samples/s") {
        @Override
        void measure(FigureContext context) {
            context.reportModelFigure("bare-training", "samples/s", 3 * ModelBenchmark.FORWARD_GFLOP_PER_SAMPLE,
                    ModelBenchmark::bareTraining);
        }
    },
    INPUT_GRADIENT("input gradients of the summed logits, as Integrated Gradients takes them, samples/s") {
        @Override
        void measure(FigureContext context) {
            context.reportModelFigure("input-gradient", "samples/s", 2 * ModelBenchmark.FORWARD_GFLOP_PER_SAMPLE,
                    ModelBenchmark::inputGradient);
        }
    },
    RANK_LEADS("rank-leads' four methods on a 12-lead model, together and each alone, exams/s") {
        @Override
        long progressSteps(BenchOptions options) {
            return (long) options.passes() * options.rankBatches();
        }

        @Override
        void measure(FigureContext context) {
            BenchOptions options = context.options();
            if (options.rankExams() < 1 || options.igSteps() < 1) {
                throw new EcgLabException("--rank-exams and --ig-steps must be at least 1");
            }
            // The shipped checkpoint: IG's adaptive rule spends what the weights need (see RankingBenchmark).
            try (LgaEcgModel twelveLeads = Checkpoint.open(DefaultCheckpoint.path()).loadModel(options.device())) {
                new RankingBenchmark(twelveLeads, options.rankExams(), RankLeads.DEFAULT_BATCH_SIZE, options.igSteps(), 7)
                        .run(options.warmupPasses(), options.runs(), context.step())
                        .forEach((method, series) -> context.report(new Measurement("rank-leads "
                                + method.toLowerCase(Locale.ROOT), "exams/s", 0, series, RankLeads.DEFAULT_BATCH_SIZE, 12)));
            }
        }
    },
    HDF5("reading CODE-format HDF5 files a batch at a time, exams/s and MB/s") {
        @Override
        long progressSteps(BenchOptions options) {
            return (long) options.passes() * (options.hdf5Files().isEmpty() ? 2 : options.hdf5Files().size());
        }

        @Override
        void measure(FigureContext context) {
            ReadFigures.hdf5(context);
        }
    },
    WFDB("reading 12-lead WFDB records into CODE's raw form on one thread, records/s and MB/s") {
        @Override
        long progressSteps(BenchOptions options) {
            return options.passes();
        }

        @Override
        void measure(FigureContext context) {
            ReadFigures.wfdb(context);
        }
    };

    private final String measures;

    BenchFigure(String measures) {
        this.measures = measures;
    }

    /** The {@code --only} spelling: lower case with a hyphen. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What the figure measures, in a phrase. */
    public String measures() {
        return measures;
    }

    /** The figure named {@code text} (case and {@code _} for {@code -} do not matter); a clear error otherwise. */
    public static BenchFigure parse(String text) {
        String option = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(figure -> figure.option().equals(option)).findFirst()
                .orElseThrow(() -> new EcgLabException("--only " + text + ": not a figure; use " + Arrays.stream(values())
                        .map(BenchFigure::option).collect(Collectors.joining(", "))));
    }

    /** Progress-bar steps the figure takes: batches for the model figures, passes or batches for the others. */
    long progressSteps(BenchOptions options) {
        return options.modelSteps();
    }

    /** Measures the figure and {@linkplain FigureContext#report reports} its rows. */
    abstract void measure(FigureContext context);
}
