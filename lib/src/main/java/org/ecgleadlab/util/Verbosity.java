package org.ecgleadlab.util;

import java.util.Locale;

/**
 * Whether the user asked for the libraries' own warnings and details: {@code --verbose} on any command (which sets
 * {@value #PROPERTY}) or the environment variable {@value #ENV}{@code =1}. Without it, messages that carry no
 * information for this project (DJL's CUDA probe on a machine without an NVIDIA driver, libtorch's deprecation note
 * about DJL's own code) stay hidden.
 */
public final class Verbosity {
    /** System property set by {@code --verbose}. */
    public static final String PROPERTY = "ecgleadlab.verbose";
    /** Environment variable that does the same as {@code --verbose}. */
    public static final String ENV = "ECGLAB_VERBOSE";

    private Verbosity() {
    }

    /** True when {@code --verbose} was given or {@value #ENV} is 1, true or yes. */
    public static boolean verbose() {
        return Boolean.getBoolean(PROPERTY) || isYes(System.getenv(ENV));
    }

    static boolean isYes(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("true") || v.equals("yes");
    }
}
