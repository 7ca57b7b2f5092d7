package org.ecgleadlab.cli;

import java.nio.file.Path;
import java.util.List;
import org.ecgleadlab.notebook.JupyterPaths;
import org.ecgleadlab.notebook.KernelClasspath;
import org.ecgleadlab.notebook.KernelInstaller;
import org.ecgleadlab.notebook.KernelJar;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jbang install-kernel}: registers the project's Java Jupyter kernel with lib on its class path. */
@Command(name = "install-kernel", mixinStandardHelpOptions = true,
        description = {"Registers the Jupyter kernel '" + KernelInstaller.DISPLAY_NAME + "' (rapaio-jupyter-kernel)"
                + " whose class path holds lib and its dependencies, and whose start-up imports lib, DJL, Tablesaw"
                + " and XChart. Run it again after changing lib to refresh the kernel."})
public final class InstallKernelCommand implements PlannedCommand<InstallKernelCommand.Plan> {
    @ArgGroup(exclusive = true)
    private Location location = new Location();

    /** Where the kernelspec goes; the user's Jupyter data dir unless --prefix is given. */
    static final class Location {
        @Option(names = "--user", description = "Install for this user (the default): $JUPYTER_DATA_DIR/kernels or"
                + " the platform's Jupyter data dir, e.g. ~/.local/share/jupyter/kernels.")
        boolean user;

        @Option(names = "--prefix", paramLabel = "PREFIX", description = "Install into PREFIX/share/jupyter/kernels,"
                + " as `jupyter kernelspec install --prefix` does (e.g. a virtualenv or a conda env).")
        Path prefix;
    }

    /** Where the kernelspec goes: the kernels folder. */
    record Plan(Path kernels) {
    }

    /** --user says what install-kernel does without --prefix. */
    @Override
    public List<OptionRule> rules() {
        return List.of(OptionRule.restatesDefault("--user"));
    }

    @Override
    public Plan plan() {
        return new Plan(location.prefix != null ? JupyterPaths.prefixKernels(location.prefix)
                : JupyterPaths.userKernels());
    }

    @Override
    public int run(Plan plan) {
        Path kernels = plan.kernels();
        KernelClasspath classpath = KernelClasspath.ofThisJvm();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path installed = KernelInstaller.install(kernels, KernelJar.locate(), classpath, java);
        System.out.println("Installed kernel '" + KernelInstaller.DISPLAY_NAME + "' (" + KernelInstaller.KERNEL_NAME
                + ") in " + installed);
        System.out.println("  lib: " + classpath.libClasses() + " and " + (classpath.entries().size() - 1)
                + " dependency jars; start-up imports in " + installed.resolve(KernelInstaller.INIT_SCRIPT));
        System.out.println("Open the notebooks with: jupyter notebook notebooks/   (or: jupyter lab notebooks/;"
                + " then pick '" + KernelInstaller.DISPLAY_NAME + "')");
        return 0;
    }
}
