package org.ecgleadlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.ecgleadlab.cli.options.OutputFolderOption;
import org.ecgleadlab.cli.options.SeedOption;
import org.ecgleadlab.data.synthetic.SyntheticDefaults;
import org.ecgleadlab.measure.DataComparison;
import org.ecgleadlab.measure.Measure;
import org.ecgleadlab.report.Provenance;
import org.ecgleadlab.report.TableFormat;
import org.ecgleadlab.report.Tables;
import org.ecgleadlab.util.EcgLabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

/** {@code compare-data}: two data folders measured side by side by the project's ECG delineation. */
@Command(name = "compare-data", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure two data folders side by side (e.g. real recordings vs the synthetic default): "
                + "per-lead P, Q, R, S, T and peak-to-peak amplitudes, heart rate, PR, QRS, QT, QTc, frontal axis, R/S "
                + "transition, baseline wander and >40 Hz noise, shares of 7-s and all-zero exams.",
            "Writes a table of medians and IQRs per side with the ratio B/A (console, CSV, Markdown), JSON, overlaid "
                + "plots and provenance."})
public final class CompareDataCommand implements PlannedCommand<CompareDataCommand.Plan> {
    @Parameters(index = "0", paramLabel = "A", description = "first data folder (e.g. real recordings)")
    Path folderA;

    @Parameters(index = "1", arity = "0..1", paramLabel = "B",
            description = "second data folder (default: the embedded synthetic default's CODE-15%% folder)")
    Path folderB;

    @Option(names = "--max-exams", defaultValue = "300",
            description = "exams measured per side, a seeded random sample (default: ${DEFAULT-VALUE})")
    int maxExams;

    @Mixin
    final SeedOption seed = new SeedOption(1);

    @Option(names = "--names", split = ",", paramLabel = "A,B",
            description = "short names of the two sides (default: the folder names; 'synthetic' for the default)")
    String[] names;

    @Mixin
    final OutputFolderOption output = new OutputFolderOption("compare-data");

    @Spec
    CommandSpec spec;

    /**
     * What compare-data measures: folder A, folder B (null: the synthetic default's CODE-15% folder), their names,
     * the sample size and seed, and the output folder.
     */
    record Plan(Path a, String nameA, Path b, String nameB, int maxExams, long seed, Path out) {
    }

    @Override
    public Plan plan() {
        if (maxExams < 1) {
            throw new EcgLabException("--max-exams " + maxExams + ": must be at least 1");
        }
        if (names != null && names.length != 2) {
            throw new EcgLabException("--names: give two names separated by a comma, e.g. --names real,synthetic");
        }
        String nameA = names != null ? names[0] : folderName(folderA);
        String nameB = names != null ? names[1] : folderB != null ? folderName(folderB) : "synthetic";
        return new Plan(folderA, nameA, folderB, nameB, maxExams, seed.seed(), output.folder());
    }

    @Override
    public int run(Plan plan) {
        Path folderA = plan.a();
        Path b = plan.b() != null ? plan.b() : SyntheticDefaults.ensureGenerated().code15();
        String nameA = plan.nameA();
        String nameB = plan.nameB();
        int maxExams = plan.maxExams();
        Path out = plan.out();
        DataComparison comparison = DataComparison.run(folderA, nameA, b, nameB, maxExams, plan.seed(), true);
        Provenance provenance = Provenance.builder("compare-data").data(folderA, b).seed(plan.seed())
                .config("maxExams", maxExams).config("names", nameA + "," + nameB).build();
        Table table = comparison.write(out, provenance);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("A = %s: %d of %d exams of %s%n", nameA, comparison.a().exams(), comparison.a().folderExams(),
                comparison.a().folder());
        stdout.printf("B = %s: %d of %d exams of %s%n", nameB, comparison.b().exams(), comparison.b().folderExams(),
                comparison.b().folder());
        stdout.print(Tables.text(table, TableFormat.decimals(3)));
        stdout.println();
        for (Measure m : Measure.values()) {
            stdout.printf("  %-15s %s%n", m.label(), m.definition());
        }
        stdout.printf("Wrote %s (comparison.csv/.md/.json, amplitudes, noise, intervals, spectra .png/.svg)%n",
                out.toAbsolutePath().normalize());
        stdout.flush();
        return 0;
    }

    private static String folderName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }
}
