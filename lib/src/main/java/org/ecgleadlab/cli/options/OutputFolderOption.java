package org.ecgleadlab.cli.options;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.ecgleadlab.util.ProjectPaths;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code -o/--output}: the folder a command writes its results into; by default one named after the command under the
 * project's {@code runs/}, wherever the command is started from.
 */
public final class OutputFolderOption {
    private static final String NAME = "--output";

    /** Relative, so that --help shows {@code runs/NAME}; the folder itself is resolved by {@link ProjectPaths}. */
    @Option(names = {"-o", NAME}, paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    private Path output;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    private final Supplier<Path> defaultFolder;

    /**
     * {@code defaultName}: the folder under {@code runs/} without the option. Where it depends on other options, pass
     * a pattern such as {@code train-<leads>-<input>} for --help and read {@link #given()}.
     */
    public OutputFolderOption(String defaultName) {
        this(Path.of("runs", defaultName), () -> ProjectPaths.runs().resolve(defaultName));
    }

    /**
     * A default outside {@code runs/} (generate-data's {@code data/synthetic}): {@code shown} in --help,
     * {@code defaultFolder} the folder itself.
     */
    public OutputFolderOption(Path shown, Supplier<Path> defaultFolder) {
        this.output = shown;
        this.defaultFolder = defaultFolder;
    }

    /** The folder given, or null when the option is absent. */
    public Path given() {
        return command.commandLine().getParseResult().hasMatchedOption(NAME) ? output : null;
    }

    /** The folder given, else the default ({@code runs/<defaultName>} of the project). */
    public Path folder() {
        Path given = given();
        return given != null ? given : defaultFolder.get();
    }
}
