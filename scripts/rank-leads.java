///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//JAVA_OPTIONS -Dai.djl.offline=true -Xmx768m
//MAIN rank_leads
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.RankLeadsCommand;

/** jbang rank-leads [--data DIR,DIR] [-c W] [--exams N] [--per-exam] ...: the paper's lead ranking. */
class rank_leads {
    public static void main(String... args) {
        Cli.main(new RankLeadsCommand(), args);
    }
}
