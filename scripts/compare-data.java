///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//JAVA_OPTIONS -Dai.djl.offline=true
//MAIN compare_data
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.CompareDataCommand;

/** jbang compare-data A [B]: two data folders measured side by side (medians, IQRs, ratios, plots). */
class compare_data {
    public static void main(String... args) {
        Cli.main(new CompareDataCommand(), args);
    }
}
