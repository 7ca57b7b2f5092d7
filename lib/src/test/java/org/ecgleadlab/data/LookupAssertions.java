package org.ecgleadlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Checks a name → value lookup (label codes, lead names) against a table of expected answers. */
public final class LookupAssertions {
    private LookupAssertions() {
    }

    /** Every key of {@code expected} looks up to its value; a failure names the key. */
    public static <T> void assertLookups(Function<String, Optional<T>> lookup, Map<String, T> expected) {
        expected.forEach((key, value) -> assertEquals(Optional.of(value), lookup.apply(key), "'" + key + "'"));
    }
}
