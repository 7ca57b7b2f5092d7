///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//JAVA_OPTIONS -Dai.djl.offline=true
//MAIN ecg_info
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.EcgInfoCommand;

/** jbang ecg-info DIR [--dump EXAM_ID]: summarise a CODE-15% / CODE-TEST folder, or print one exam as CSV. */
class ecg_info {
    public static void main(String... args) {
        Cli.main(new EcgInfoCommand(), args);
    }
}
