package org.ecgleadlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.cli.options.OutputFolderOption;
import org.ecgleadlab.data.synthetic.DataLayout;
import org.ecgleadlab.data.synthetic.GenerationManifest;
import org.ecgleadlab.data.synthetic.PhysioNetGenerator;
import org.ecgleadlab.data.synthetic.Prevalences;
import org.ecgleadlab.data.synthetic.SyntheticConfig;
import org.ecgleadlab.data.synthetic.SyntheticDefaults;
import org.ecgleadlab.data.synthetic.SyntheticGenerator;
import org.ecgleadlab.report.Progress;
import org.ecgleadlab.util.EcgLabException;
import org.ecgleadlab.util.ProjectPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jbang generate-data}: writes the physiological synthetic dataset in the CODE-15% / CODE-TEST formats. */
@Command(name = "generate-data", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Writes a synthetic 12-lead ECG dataset (3-D cardiac dipole model) in the real formats:",
                "  OUT/code15/      exams_part{i}.hdf5 + exams.csv (CODE-15%%)",
                "  OUT/code-test/   ecg_tracings.hdf5 + annotations/gold_standard.csv (CODE-TEST)",
                "  OUT/audit/       the same format (the paper's test pool = CODE-TEST + AUDIT)",
                "  OUT/manifest.json  generator version, configuration, seed, files",
                "With --layout ptbxl: a PTB-XL root (ptbxl_database.csv, records500/, records100/); with --layout "
                        + "challenge: a Challenge-style WFDB folder (.hea with # Dx: SNOMED CT codes, .dat, RECORDS).",
                "Without options it (re)generates the default in data/synthetic/ if absent or stale."})
public final class GenerateDataCommand implements PlannedCommand<GenerateDataCommand.Plan> {
    /** Records of a PhysioNet layout without --exams. */
    static final int PHYSIONET_RECORDS = 1000;

    private final SyntheticConfig defaults = SyntheticConfig.defaults();

    @Mixin
    final OutputFolderOption output = new OutputFolderOption(Path.of("data", "synthetic"), ProjectPaths::syntheticData);

    /** {@code --out}, the older name of {@code -o/--output} here: hidden, so --help shows one name per meaning. */
    @Option(names = "--out", hidden = true, paramLabel = "DIR")
    Path olderOut;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "code15",
            description = "code15, ptbxl or challenge (default: ${DEFAULT-VALUE}); ptbxl and challenge are written "
                    + "streaming and resumable: a re-run with the same options continues an unfinished folder")
    String layout;

    @Option(names = "--exams", paramLabel = "N", description = "Exams in all: for code15 the CODE-15%% part "
            + "(ceil(N / --exams-per-part) parts of N / parts exams; N must divide evenly), for ptbxl and challenge "
            + "the records (default: code15 --parts x --exams-per-part, ptbxl/challenge 1000)")
    Integer exams;

    @Option(names = "--parts", paramLabel = "N", description = "CODE-15%% part files (default: ${DEFAULT-VALUE}).")
    int parts = defaults.parts();

    @Option(names = "--exams-per-part", paramLabel = "N", description = "Exams per part file (default: ${DEFAULT-VALUE}).")
    int examsPerPart = defaults.examsPerPart();

    @Option(names = "--code-test", paramLabel = "N", description = "Exams in code-test/ (default: ${DEFAULT-VALUE}).")
    int codeTest = defaults.codeTestExams();

    @Option(names = "--audit", paramLabel = "N", description = "Exams in audit/ (default: ${DEFAULT-VALUE}).")
    int audit = defaults.auditExams();

    @Option(names = "--prevalence", paramLabel = "CLASS=P[,CLASS=P...]",
            description = "Override class prevalences, e.g. AF=0.05,RBBB=0.03 (default: 1dAVb, RBBB, SB, AF, ST 0.10; LBBB 0.08).")
    String prevalence = "";

    @Option(names = "--noise", paramLabel = "LEVEL", description = "Noise level, 0 = clean, 1 = typical (default: ${DEFAULT-VALUE}).")
    double noise = defaults.noiseLevel();

    @Option(names = "--seven-second", paramLabel = "FRACTION", description = "Fraction of 7-s recordings (default: ${DEFAULT-VALUE}).")
    double sevenSecond = defaults.sevenSecondFraction();

    @Option(names = "--all-zero", paramLabel = "FRACTION", description = "Fraction of all-zero CODE-15%% exams (default: ${DEFAULT-VALUE}).")
    double allZero = defaults.allZeroFraction();

    @Option(names = "--exams-per-patient", paramLabel = "MEAN", description = "Mean exams per CODE-15%% patient (default: ${DEFAULT-VALUE}).")
    double examsPerPatient = defaults.examsPerPatient();

    @Option(names = "--generator-version", paramLabel = "N", description = "Generator version: 3 (the embedded "
            + "default and the shipped checkpoints' data, measured against real ECGs: narrower QRS, varied AF, "
            + "ectopic beats, more kinds of noise, per-lead gains; data/README.md) or 2 (the previous default) "
            + "(default: ${DEFAULT-VALUE}).")
    int generatorVersion = SyntheticGenerator.DEFAULT_VERSION;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = defaults.seed();

    /** Not --threads, which elsewhere means libtorch's threads. */
    @Option(names = "--workers", paramLabel = "N",
            description = "Worker threads generating exams; the output does not depend on it (default: all cores).")
    int workers = Runtime.getRuntime().availableProcessors();

    /** {@code --threads}, the older name of {@code --workers}: hidden, kept one release so old command lines run. */
    @Option(names = "--threads", hidden = true, paramLabel = "N")
    void olderThreadsOption(int count) {
        workers = count;
    }

    @Option(names = {"-f", "--force"}, description = "Regenerate even when the folder already matches the configuration.")
    boolean force;

    @Spec
    CommandSpec spec;

    /**
     * What generate-data writes: the configuration in {@code layout}, into {@code target} ({@code targetGiven}: named
     * by -o), {@code records} records for the PhysioNet layouts, by generator {@code generatorVersion}, on
     * {@code workers} threads.
     */
    record Plan(SyntheticConfig config, DataLayout layout, int records, Path target, boolean targetGiven,
                int generatorVersion, int workers, boolean force) {
    }

    @Override
    public List<OptionRule> rules() {
        return List.of(OptionRule.conflicts("--out", "--output", "--out is the older name of --output"));
    }

    @Override
    public Plan plan() {
        OptionRule.check(rules(), spec.commandLine().getParseResult());
        if (workers < 1) {
            throw new EcgLabException("--workers " + workers + ": give at least 1");
        }
        DataLayout chosen = DataLayout.parse(layout);
        if (exams != null && chosen == DataLayout.CODE15) {
            int count = (exams + examsPerPart - 1) / Math.max(1, examsPerPart);
            if (exams < 1 || exams % count != 0) {
                throw new EcgLabException("--exams " + exams + ": " + count + " parts cannot hold it evenly; give a "
                        + "multiple of " + count + " or another --exams-per-part");
            }
            parts = count;
            examsPerPart = exams / count;
        }
        if (chosen != DataLayout.CODE15) {
            refuseCodeOnlyOptions(chosen);
        }
        SyntheticConfig config = new SyntheticConfig(parts, examsPerPart, codeTest, audit,
                Prevalences.defaults().withParsed(prevalence), noise, sevenSecond, allZero, examsPerPatient, seed);
        Path given = olderOut != null ? olderOut : output.given();
        Path target = given != null ? given : output.folder();
        return new Plan(config, chosen, exams == null ? PHYSIONET_RECORDS : exams, target, given != null,
                SyntheticGenerator.checkedVersion(generatorVersion), workers, force);
    }

    /** A PhysioNet folder has no CODE parts or test pool and no blank exams; PTB-XL records are all 10 s. */
    private void refuseCodeOnlyOptions(DataLayout chosen) {
        List<String> codeOnly = new ArrayList<>(List.of("--parts", "--exams-per-part", "--code-test", "--audit",
                "--all-zero"));
        if (chosen == DataLayout.PTBXL) {
            codeOnly.add("--seven-second");
        }
        List<String> given = codeOnly.stream()
                .filter(name -> spec.commandLine().getParseResult().hasMatchedOption(name)).toList();
        if (!given.isEmpty()) {
            throw new EcgLabException(given + " do not apply to --layout " + chosen.option() + "; leave them out "
                    + "(--exams sets the number of records)");
        }
    }

    @Override
    public int run(Plan plan) {
        if (plan.layout() != DataLayout.CODE15) {
            return physioNet(plan);
        }
        SyntheticConfig config = plan.config();
        Path target = plan.target();
        int workers = plan.workers();
        if (!plan.force() && SyntheticDefaults.isCurrent(target, config, plan.generatorVersion())) {
            System.out.println(target + " is up to date (same generator version and configuration); "
                    + "use --force to regenerate.");
            printFiles(target);
            return 0;
        }
        System.err.println("Generating " + config.totalExams() + " exams (generator version "
                + plan.generatorVersion() + ") into " + target + " on " + workers + " thread(s) ...");
        // a bar on a terminal, plain lines elsewhere (the generator decides as report.Progress does)
        SyntheticGenerator.Report report = new SyntheticGenerator(config, plan.generatorVersion(), workers,
                !Progress.isQuiet())
                .generate(target);
        printFiles(target);
        System.out.printf("%d exams, %.1f MB, in %.1f s: %.0f exams/s on %d thread(s)%n", report.exams(),
                report.bytes() / 1e6, report.seconds(), report.examsPerSecond(), workers);
        return 0;
    }

    private int physioNet(Plan plan) {
        if (!plan.targetGiven()) {
            throw new EcgLabException("--layout " + plan.layout().option() + " needs -o DIR: the default "
                    + "data/synthetic holds the CODE-15% layout");
        }
        Path out = plan.target();
        PhysioNetGenerator generator = new PhysioNetGenerator(plan.layout(), plan.config(),
                plan.generatorVersion(), plan.records(), plan.workers(), Progress.onTerminal());
        if (plan.force()) {
            PhysioNetGenerator.delete(out);
        } else if (generator.isCurrent(out)) {
            System.out.println(out + " is up to date (same generator version and options); use --force to regenerate.");
            return 0;
        }
        System.err.println("Generating " + plan.records() + " exams in the " + plan.layout().option()
                + " layout into " + out + " on " + plan.workers() + " thread(s) ...");
        PhysioNetGenerator.Report report = generator.generate(out);
        System.out.printf("%d exams (%d made now, the rest were on disk) in %.1f s; %s written last%n",
                report.exams(), report.made(), report.seconds(), generator.listing(out).getFileName());
        return 0;
    }

    private static void printFiles(Path target) {
        GenerationManifest manifest = GenerationManifest.readFrom(target);
        if (manifest == null) {
            return;
        }
        for (Map.Entry<String, Long> file : manifest.files().entrySet()) {
            System.out.printf("  %-40s %10.1f MB%n", file.getKey(), file.getValue() / 1e6);
        }
    }
}
