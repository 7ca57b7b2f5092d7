package org.ecgleadlab.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgleadlab.util.EcgLabException;
import picocli.CommandLine.Option;

/**
 * The options the Spark path adds to a single-JVM command: where it runs ({@code --master}), any Spark setting
 * ({@code --conf key=value}, as spark-submit takes them), how many exams one task scores and the format of the
 * per-exam rows.
 */
public final class SparkOptions {
    public static final String LOCAL = "local[*]";

    @Option(names = "--master", paramLabel = "URL",
            description = "local[*] (this JVM, every core), local[N], spark://HOST:PORT (a standalone cluster, e.g. "
                    + "the one ./jbang spark cluster starts), yarn or k8s://URL (default: spark-submit's --master "
                    + "when run by spark-submit, else " + LOCAL + ")")
    private String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "a Spark setting, as spark-submit --conf takes it (repeatable), e.g. "
                    + "spark.executor.memory=2g")
    private List<String> conf = List.of();

    @Option(names = "--exams-per-task", paramLabel = "N",
            description = "exams one Spark task scores (default: the exams spread over 4 tasks per core, a whole "
                    + "number of batches)")
    private Integer examsPerTask;

    /** The formats of {@code --format}. */
    public static final List<String> FORMATS = List.of("csv", "parquet");

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "the per-exam rows (predictions of predict and evaluate, rank-leads --per-exam's ranking): "
                    + "csv, as the single-JVM command writes them, or parquet, one row per exam written by Spark's "
                    + "DataFrame writer into a folder NAME.parquet (default: ${DEFAULT-VALUE})")
    private String format = "csv";

    public SparkOptions() {
    }

    /** Options as a test or a notebook gives them. */
    public SparkOptions(String master, Map<String, String> conf, Integer examsPerTask) {
        this(master, conf, examsPerTask, "csv");
    }

    /** Options as a test or a notebook gives them, with the per-exam rows' format. */
    public SparkOptions(String master, Map<String, String> conf, Integer examsPerTask, String format) {
        this.master = master;
        this.conf = conf.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        this.examsPerTask = examsPerTask;
        this.format = format;
    }

    /** The format of the per-exam rows: csv or parquet. */
    public String format() {
        if (!FORMATS.contains(format)) {
            throw new EcgLabException("--format is '" + format + "'; use one of " + String.join(", ", FORMATS));
        }
        return format;
    }

    /** The master given, else the one spark-submit set (system property {@code spark.master}), else local[*]. */
    public String master() {
        return master != null ? master : System.getProperty("spark.master", LOCAL);
    }

    /** The {@code --conf} settings in the order given; a later one of the same key wins. */
    public Map<String, String> conf() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : conf) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new EcgLabException("--conf " + setting + ": write it as KEY=VALUE, e.g. "
                        + "--conf spark.executor.memory=2g");
            }
            settings.put(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
        }
        return settings;
    }

    /** Exams per task as given, or null for the default. */
    public Integer examsPerTask() {
        if (examsPerTask != null && examsPerTask < 1) {
            throw new EcgLabException("--exams-per-task is " + examsPerTask + "; use at least 1");
        }
        return examsPerTask;
    }
}
