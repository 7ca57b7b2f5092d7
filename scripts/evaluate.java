///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//JAVA_OPTIONS -Dai.djl.offline=true
//MAIN evaluate
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.EvaluateCommand;

/** jbang evaluate [-c WEIGHTS] [DATA...] | --predictions FILE: metrics with bootstrap intervals, curves, tables. */
class evaluate {
    public static void main(String... args) {
        Cli.main(new EvaluateCommand(), args);
    }
}
