package org.ecgleadlab.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecgleadlab.cli.options.OutputFolderOption;
import org.ecgleadlab.report.TableFormat;
import org.ecgleadlab.report.Tables;
import org.ecgleadlab.train.DefaultData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./jbang spark bench}: the strong-scaling figures of docs/scaling.md §6 from one command. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Strong scaling of predict and rank-leads: each job run as its command runs it, in this JVM "
                + "(single), on Spark's local[N] (localN) and on a loopback cluster of N one-core workers (clusterN, "
                + "started and stopped here; needs the application jar: " + ApplicationJar.BUILD_COMMAND + "). "
                + "Prints exams/s, wall time, cores, speed-up over local[1], efficiency (speed-up / cores) and "
                + "Spark's overhead over the single JVM, checks each run's output against the single JVM's, and "
                + "appends the rows to --csv.")
final class SparkBenchCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "the folder predict scores, e.g. generate-data --parts 4 --exams-per-part 5000's code15 "
                    + "(default: the embedded default's code15)")
    private Path data;

    @Option(names = "--exams", paramLabel = "N", defaultValue = "48",
            description = "rank-leads' --exams, on its default test pool, with --bootstrap 0 "
                    + "(default: ${DEFAULT-VALUE})")
    private int exams;

    @Option(names = "--modes", split = ",", paramLabel = "MODE", defaultValue = "single,local1,local2,cluster2",
            description = "where to run, in order: single, localN, clusterN (default: ${DEFAULT-VALUE})")
    private List<String> modes;

    @Option(names = "--jobs", split = ",", paramLabel = "JOB", defaultValue = "predict,rank-leads",
            description = "predict, rank-leads (default: ${DEFAULT-VALUE})")
    private List<String> jobs;

    @Mixin
    private final OutputFolderOption output = new OutputFolderOption("spark-bench");

    @Option(names = "--csv", paramLabel = "FILE",
            description = "CSV to append the rows to (default: runs/bench/spark-scaling.csv)")
    private Path csv;

    @Override
    public Integer call() {
        Path table = csv != null ? csv : ScalingTable.defaultCsv();
        ScalingTable.checkAppendable(table);
        SparkBench.Config config = new SparkBench.Config(data != null ? data : DefaultData.location().code15(),
                exams, List.of(), modes.stream().map(ScalingMode::parse).toList(), jobs, Map.of(), output.folder());
        ScalingTable result = new ScalingTable(new SparkBench(config).run());
        System.out.println();
        Tables.print(result.table(), TableFormat.DEFAULT);
        result.append(table);
        System.out.printf("%nappended %d rows to %s; the runs' outputs are in %s%n", result.csvRows().size(),
                table.toAbsolutePath().normalize(), config.folder().toAbsolutePath().normalize());
        return 0;
    }
}
