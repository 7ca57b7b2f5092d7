///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/src/main/java/org/ecgleadlab/**.java
// The corrected LoopThread of rapaio-jupyter-kernel that the installed kernel loads (see KernelInstaller).
//SOURCES ../lib/src/main/java/org/rapaio/**.java
//JAVA_OPTIONS -Dai.djl.offline=true
//MAIN install_kernel
import org.ecgleadlab.cli.Cli;
import org.ecgleadlab.cli.InstallKernelCommand;

/** jbang install-kernel: registers the "ECG Lead Lab (Java)" Jupyter kernel with lib on its class path. */
class install_kernel {
    public static void main(String... args) {
        Cli.main(new InstallKernelCommand(), args);
    }
}
