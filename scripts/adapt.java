///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//JAVA_OPTIONS -Dai.djl.offline=true
//MAIN adapt
import org.ecgleadlab.cli.AdaptCommand;
import org.ecgleadlab.cli.Cli;

/** jbang adapt: one lead subset, one adaptation strategy, scored against the 12-lead baseline. */
class adapt {
    public static void main(String... args) {
        Cli.main(new AdaptCommand(), args);
    }
}
