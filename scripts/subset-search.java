///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//JAVA_OPTIONS -Dai.djl.offline=true
//MAIN subset_search
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.SubsetSearchCommand;

/** jbang subset-search [--max-size N] [-c W] [-o DIR]: measure every lead subset with one lead-dropout model. */
class subset_search {
    public static void main(String... args) {
        Cli.main(new SubsetSearchCommand(), args);
    }
}
