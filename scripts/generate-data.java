///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//JAVA_OPTIONS -Dai.djl.offline=true
//MAIN generate_data
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.GenerateDataCommand;

/** jbang generate-data [-o DIR] [--parts N --exams-per-part N ...]: write the synthetic CODE-format dataset. */
class generate_data {
    public static void main(String... args) {
        Cli.main(new GenerateDataCommand(), args);
    }
}
