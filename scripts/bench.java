///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
//JAVA_OPTIONS -Dai.djl.offline=true
//MAIN bench
import org.ecgleadlab.cli.BenchCommand;
import org.ecgleadlab.cli.Cli;

/** jbang bench: matmul peak, LGA-ECG, rank-leads and HDF5 read throughput on this machine (or --stream a big dataset), appended to a CSV. */
class bench {
    public static void main(String... args) {
        Cli.main(new BenchCommand(), args);
    }
}
