///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//JAVA_OPTIONS -Dai.djl.offline=true
//MAIN reproduce_tables
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.ReproduceTablesCommand;

/** jbang reproduce-tables: runs the adaptation grid and writes the paper's Tables 1 and 2 with intervals and plots. */
class reproduce_tables {
    public static void main(String... args) {
        Cli.main(new ReproduceTablesCommand(), args);
    }
}
