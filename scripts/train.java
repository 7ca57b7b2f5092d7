///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//JAVA_OPTIONS -Dai.djl.offline=true
//MAIN train
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.TrainCommand;

/** jbang train [--data DIR] [--leads V1,I --input masked|reduced] [--epochs N ...] [--resume]: train LGA-ECG. */
class train {
    public static void main(String... args) {
        Cli.main(new TrainCommand(), args);
    }
}
