package org.ecgleadlab.notebook;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Jupyter looks for kernel specifications, following {@code jupyter kernelspec install}'s rules. */
public final class JupyterPaths {
    private JupyterPaths() {
    }

    /**
     * The user's kernels folder: {@code $JUPYTER_DATA_DIR/kernels} when set, otherwise the platform's Jupyter data dir
     * ({@code ~/.local/share/jupyter} or {@code $XDG_DATA_HOME/jupyter} on Linux, {@code ~/Library/Jupyter} on macOS,
     * {@code %APPDATA%\jupyter} on Windows).
     */
    public static Path userKernels(Map<String, String> env, String osName, Path home) {
        return userDataDir(env, osName, home).resolve("kernels");
    }

    /** The user's kernels folder for this process's environment. */
    public static Path userKernels() {
        return userKernels(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    /** {@code PREFIX/share/jupyter/kernels}, as with {@code jupyter kernelspec install --prefix PREFIX}. */
    public static Path prefixKernels(Path prefix) {
        return prefix.toAbsolutePath().resolve("share").resolve("jupyter").resolve("kernels");
    }

    private static Path userDataDir(Map<String, String> env, String osName, Path home) {
        String explicit = env.get("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Jupyter");
        }
        if (os.startsWith("windows") && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA")).resolve("jupyter");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path dataHome = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return dataHome.resolve("jupyter");
    }
}
