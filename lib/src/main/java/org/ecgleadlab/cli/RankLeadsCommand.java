package org.ecgleadlab.cli;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.cli.options.CheckpointOption;
import org.ecgleadlab.cli.options.DeviceOptions;
import org.ecgleadlab.cli.options.ModelRunOptions;
import org.ecgleadlab.cli.options.OutputFolderOption;
import org.ecgleadlab.cli.options.SeedOptions;
import org.ecgleadlab.explain.ExamAnalyser;
import org.ecgleadlab.explain.ImportanceMethod;
import org.ecgleadlab.explain.RankLeads;
import org.ecgleadlab.explain.RankingReport;
import org.ecgleadlab.explain.exam.PassMemory;
import org.ecgleadlab.explain.ig.QuadratureRule;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.PerExamOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jbang rank-leads}: the project's main job, the paper's lead ranking (§4.2, §5.1). */
@Command(name = "rank-leads", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Rank the 12 ECG leads of a trained 12-lead LGA-ECG model with the paper's four methods "
                + "(output perturbation, loss impact, attention perturbation, Integrated Gradients) on the "
                + "interpretability half of the test pool, fuse them (each normalised to sum 1, negative scores "
                + "clipped to 0, then averaged) and print the ranking with the Top-1/2/3 and Bottom-3 subsets. "
                + "With no options it runs the embedded default: the synthetic test pool and the shipped checkpoint. "
                + "Writes ranking.json (read by the adaptation step), CSVs, Figure 2 heatmaps, Figure 3 bars and the "
                + "bootstrap stability analysis into --output.")
public final class RankLeadsCommand implements PlannedCommand<RankLeadsCommand.Plan> {
    @Option(names = "--data", paramLabel = "DIR", split = ",",
            description = "test-pool folders in CODE-TEST format or labelled WFDB folders (e.g. code-test,audit), "
                    + "or one CODE-15%%, WFDB or PTB-XL folder (PTB-XL: its test fold 10) (default: the synthetic "
                    + "test pool, generated when absent)")
    private List<Path> data = List.of();

    @Mixin
    private final CheckpointOption checkpoint = new CheckpointOption();

    @Option(names = "--exams", defaultValue = "" + RankLeads.DEFAULT_EXAMS,
            description = "exams of the interpretability half to analyse, drawn round-robin over the six "
                    + "conditions and normal exams; 0 = the whole half, as the paper (default: ${DEFAULT-VALUE})")
    private int exams;

    @Option(names = "--ig-steps", defaultValue = "" + RankLeads.DEFAULT_IG_STEPS,
            description = "Integrated Gradients gradient evaluations per score curve (default: ${DEFAULT-VALUE})")
    private int igSteps;

    @Option(names = "--ig-rule", defaultValue = "adaptive",
            description = "where IG evaluates gradients: adaptive (Simpson's rule, intervals halved where their measured "
                    + "error is largest), riemann-middle, trapezoid, riemann-left or riemann-right "
                    + "(default: ${DEFAULT-VALUE})")
    private String igRule;

    @Option(names = "--methods", defaultValue = "all",
            description = "methods to run and fuse: output,loss,attention,ig or all (default: ${DEFAULT-VALUE})")
    private String methods;

    @Mixin
    private final SeedOptions seeds = new SeedOptions(RankLeads.DEFAULT_SEED);

    @Option(names = "--bootstrap", defaultValue = "" + RankLeads.DEFAULT_BOOTSTRAP,
            description = "bootstrap resamples of the exams for rank intervals and Kendall's tau; 0 = none "
                    + "(default: ${DEFAULT-VALUE})")
    private int bootstrap;

    @Option(names = "--per-exam", description = "also rank the leads of every exam on its own (patient-specific)")
    private boolean perExam;

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "activation budget of one model pass, e.g. 256m or 1g: Integrated Gradients and the "
                    + "occlusion forward run as many rows per pass as fit (16 MiB per gradient row, 13 MiB per "
                    + "forward row; at least one exam's 13 occlusion rows) (default: 512m, or half the -Xmx heap "
                    + "where that is less)")
    private String memory;

    @Mixin
    private final ModelRunOptions run = new ModelRunOptions(RankLeads.DEFAULT_BATCH_SIZE);

    @Mixin
    private final OutputFolderOption output = new OutputFolderOption("rank-leads");

    @Spec
    private CommandSpec spec;

    private final ExamAnalyser analyser;
    private final PerExamOutput perExamOutput;

    /** The single-JVM command. */
    public RankLeadsCommand() {
        this(ExamAnalyser.IN_THIS_JVM);
    }

    /** The same command with the exams scored by {@code analyser} (the Spark path's tasks). */
    public RankLeadsCommand(ExamAnalyser analyser) {
        this(analyser, PerExamOutput.CSV);
    }

    /** The same command with the per-exam ranking written to {@code perExamOutput} (the Spark path's --format). */
    public RankLeadsCommand(ExamAnalyser analyser, PerExamOutput perExamOutput) {
        this.analyser = analyser;
        this.perExamOutput = perExamOutput;
    }

    /** What rank-leads runs: the job's options, libtorch's threads (null: one per core), the output folder. */
    record Plan(RankLeads.Options options, Integer threads, Path folder) {
    }

    @Override
    public Plan plan() {
        perExamOutput.refuseUnless(perExam, "without --per-exam there are none (the ranking itself is "
                + "ranking.json): add --per-exam");
        DeviceOptions.Choice devices = run.devices();
        List<ImportanceMethod> chosen = ImportanceMethod.parseList(methods);
        for (String igOption : List.of("--ig-steps", "--ig-rule")) {
            if (!chosen.contains(ImportanceMethod.INTEGRATED_GRADIENTS)
                    && spec.commandLine().getParseResult().hasMatchedOption(igOption)) {
                throw new EcgLabException(igOption + " applies only when --methods includes ig; add ig to --methods"
                        + " or drop " + igOption);
            }
        }
        RankLeads.Options options = new RankLeads.Options(data, checkpoint.given(), exams, igSteps,
                QuadratureRule.parse(igRule), chosen, seeds.seed(), seeds.splitSeed(), devices.device(),
                run.batchSize(), bootstrap, perExam, memory == null ? null : PassMemory.parse(memory));
        return new Plan(options, devices.threads(), output.folder());
    }

    @Override
    public int run(Plan plan) {
        new DeviceOptions.Choice(plan.options().device(), plan.threads()).applyThreads();
        RankLeads.Outcome outcome = RankLeads.run(plan.options(), analyser);
        RankingReport.print(outcome);
        Path folder = plan.folder();
        long start = System.nanoTime();
        RankingReport.write(outcome, folder, perExamOutput);
        System.out.printf(java.util.Locale.ROOT, "%nwrote %s in %.1f s (ranking.json for jbang adapt)%n",
                folder.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
