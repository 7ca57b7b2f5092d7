///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//JAVA_OPTIONS -Dai.djl.offline=true
//MAIN predict
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.PredictCommand;

/** jbang predict [-c WEIGHTS] [-o DIR] DATA | --npz-input FILE: DIR/predictions.csv, or logits of a tensor. */
class predict {
    public static void main(String... args) {
        Cli.main(new PredictCommand(), args);
    }
}
